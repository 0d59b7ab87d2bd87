using System.Globalization;
using System.IO.Compression;
using System.Text;

// Public so that any test project may hand these to a service it starts; a test assembly has no consumers in VB, where "Shared" is a keyword.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:DocGen.Tests.Shared", Justification = "Test helpers, never consumed from VB.")]

namespace DocGen.Tests.Shared;

/// <summary>
/// The hostile workbooks of issue #33, small on disk and huge once expanded, made with the BCL
/// alone (linked into every test project, so the service's tests can drop them into an inbox).
/// Each is a plain .xlsx with DocGen's sheets (预算项目 with one project, 绩效指标 with its
/// header), so that what it expands to would reach the converted JSON if nothing bounded it.
/// </summary>
public static class HostileWorkbooks
{
    /// <summary>The sheet the hostile cells are in.</summary>
    public const string Sheet = "绩效指标";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // The text columns of 绩效指标 in order, from B: a range over them fills four fields of every row.
    private static readonly string[] s_headers = ["项目编码", "三级指标", "绩效指标描述", "指标值（文字）", "指标值确定依据"];

    /// <summary>
    /// One cell of <paramref name="characters"/> characters (B2) merged down <paramref name="rows"/>
    /// rows and over <paramref name="columns"/> columns (up to 4): 2 KB on disk, 19,000 × 9,880
    /// characters (× 4 over four columns) once each cell of the range shows it.
    /// </summary>
    public static byte[] MergedLongText(int characters = 19_000, int rows = 9_880, int columns = 1)
    {
        var last = (char)('B' + Math.Clamp(columns, 1, 4) - 1);
        var cell = $"<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>{new string('款', characters)}</t></is></c></row>";
        var merge = string.Create(CultureInfo.InvariantCulture, $"<mergeCells count=\"1\"><mergeCell ref=\"B2:{last}{rows + 1}\"/></mergeCells>");
        return Book(w => Worksheet(w, Header() + cell, merge), sharedStrings: null);
    }

    /// <summary>
    /// One shared string of <paramref name="characters"/> characters (Excel's most) referred to by
    /// every cell of <paramref name="rows"/> rows × <paramref name="columns"/> columns: 800 KB on
    /// disk, 32,767 characters in each of 300,000 cells once read.
    /// </summary>
    public static byte[] SharedStringReferences(int characters = 32_767, int rows = 9_999, int columns = 30)
    {
        void Cells(TextWriter w)
        {
            w.Write(Header());
            for (var r = 2; r <= rows + 1; r++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{r}\">"));
                for (var c = 2; c <= columns + 1; c++)
                {
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"<c r=\"{Column(c)}{r}\" t=\"s\"><v>0</v></c>"));
                }

                w.Write("</row>");
            }
        }

        return Book(w => Worksheet(w, Cells, ""), $"<sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>{new string('款', characters)}</t></si></sst>");
    }

    /// <summary>One cell (B2) with <paramref name="attributes"/> attributes, all different: 10 MB on disk, 4.8 million attributes in one start tag.</summary>
    public static byte[] AttributeFlood(int attributes = 4_800_000)
        => Book(w => Worksheet(w, c => FloodedCell(c, attributes, "", "=\"\""), ""), sharedStrings: null);

    /// <summary>One cell (B2) declaring <paramref name="declarations"/> namespaces, each with its own prefix.</summary>
    public static byte[] NamespaceFlood(int declarations = 1_000_000)
        => Book(w => Worksheet(w, c => FloodedCell(c, declarations, "xmlns:", "=\"u\""), ""), sharedStrings: null);

    /// <summary>A row whose cell's start tag has <paramref name="count"/> attributes named aaaaa, aaaab, …: short, so millions stay under a part's limit.</summary>
    private static void FloodedCell(TextWriter w, int count, string prefix, string value)
    {
        w.Write(Header());
        w.Write("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"");
        Span<char> name = stackalloc char[5];
        for (var i = 0; i < count; i++)
        {
            for (int n = i, at = name.Length - 1; at >= 0; n /= 26, at--)
            {
                name[at] = (char)('a' + (n % 26));
            }

            w.Write(' ');
            w.Write(prefix);
            w.Write(name);
            w.Write(value);
        }

        w.Write("><is><t>x</t></is></c></row>");
    }

    private static string Header()
        => "<row r=\"1\">" + string.Concat(s_headers.Select(static (h, i) => $"<c r=\"{Column(i + 1)}1\" t=\"inlineStr\"><is><t>{h}</t></is></c>")) + "</row>";

    private static string Column(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static void Worksheet(TextWriter w, string rows, string after) => Worksheet(w, c => c.Write(rows), after);

    private static void Worksheet(TextWriter w, Action<TextWriter> rows, string after)
    {
        w.Write($"<worksheet xmlns=\"{Main}\"><sheetData>");
        rows(w);
        w.Write($"</sheetData>{after}</worksheet>");
    }

    /// <summary>
    /// 预算项目 with a header of 项目编码 and <paramref name="checkpoints"/> spending-plan columns
    /// (1月底累计支出比例 …), and <paramref name="rows"/> projects that fill only their code: 100 KB
    /// on disk, and a reader that visited every checkpoint of every row would make 160 million visits.
    /// </summary>
    public static byte[] CheckpointColumns(int checkpoints = 16_000, int rows = 9_999)
    {
        void Projects(TextWriter w)
        {
            w.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目编码</t></is></c>");
            for (var c = 2; c <= checkpoints + 1; c++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<c r=\"{Column(c)}1\" t=\"inlineStr\"><is><t>{(c % 12) + 1}月底累计支出比例</t></is></c>"));
            }

            w.Write("</row>");
            for (var r = 2; r <= rows + 1; r++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>P{r}</t></is></c></row>"));
            }
        }

        return Book(w => Worksheet(w, Header(), ""), sharedStrings: null, projects: w => Worksheet(w, Projects, ""));
    }

    /// <summary>The package: 预算项目 with one project (so every row of 绩效指标 is its) unless <paramref name="projects"/> writes it, 绩效指标 written by <paramref name="indicators"/>, streamed into the zip.</summary>
    private static byte[] Book(Action<TextWriter> indicators, string? sharedStrings, Action<TextWriter>? projects = null)
    {
        const string Type = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        var strings = sharedStrings is null ? "" : $"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{Type}sharedStrings+xml\"/>";
        var stringsRelationship = sharedStrings is null ? "" : $"<Relationship Id=\"rId3\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        List<(string Name, Action<TextWriter> Write)> parts =
        [
            ("[Content_Types].xml", w => w.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + $"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{Type}sheet.main+xml\"/>"
                + $"<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"{Type}worksheet+xml\"/><Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"{Type}worksheet+xml\"/>"
                + strings + "</Types>")),
            ("_rels/.rels", w => w.Write($"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
            ("xl/workbook.xml", w => w.Write($"<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets><sheet name=\"预算项目\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"{Sheet}\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>")),
            ("xl/_rels/workbook.xml.rels", w => w.Write("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                + stringsRelationship + "</Relationships>")),
            ("xl/worksheets/sheet1.xml", projects ?? (w => Worksheet(w, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目编码</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>项目名称</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>P001</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>项目</t></is></c></row>", ""))),
            ("xl/worksheets/sheet2.xml", indicators),
        ];
        if (sharedStrings is not null)
        {
            parts.Add(("xl/sharedStrings.xml", w => w.Write(sharedStrings)));
        }

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in parts)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 64 * 1024);
                entry.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
                write(entry);
            }
        }

        return stream.ToArray();
    }
}
