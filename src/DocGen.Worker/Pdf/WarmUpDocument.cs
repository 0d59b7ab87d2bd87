using System.IO.Compression;
using System.Text;

namespace DocGen.Worker.Pdf;

/// <summary>
/// A small Word document a new converter converts once before real work: LibreOffice loads its
/// Word import, table layout, the Chinese fonts and the PDF export on first use, which makes a
/// converter's first document four times slower than the next.
/// </summary>
internal static class WarmUpDocument
{
    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """;

    private const string Relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """;

    // The fonts of the shipped template (their stand-ins load here), in a paragraph and a table cell.
    private const string Document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="方正小标宋简体"/></w:rPr><w:t>部门整体绩效目标</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="黑体"/></w:rPr><w:t>一、总体绩效目标</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/></w:rPr><w:t>区直机关党建工作 2025 年度。</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="楷体_GB2312"/></w:rPr><w:t>（一）职责目标</w:t></w:r></w:p>
        <w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr><w:t>产出指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1,234,567.89</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>≥95%</w:t></w:r></w:p></w:tc></w:tr>
        </w:tbl><w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>
        """;

    public static void WriteTo(string path)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", ContentTypes);
        Add(zip, "_rels/.rels", Relationships);
        Add(zip, "word/document.xml", Document);
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
