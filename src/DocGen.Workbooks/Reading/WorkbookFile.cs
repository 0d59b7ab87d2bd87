using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using DocGen.Core.Validation;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// Reads an untrusted .xlsx into the cells of its sheets, refusing what is not a plain workbook
/// (X1–X5) before anything is taken from it: the zip is inspected first (entries, sizes,
/// compression ratio, macros), then each part is streamed (<see cref="PartXml"/>: no tree, no
/// recursion, no temporary file) with <see cref="WorkbookLimits"/> counted as it goes.
/// </summary>
internal sealed class WorkbookFile
{
    private const string MainTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    private const string ContentTypesPart = "[Content_Types].xml";

    private readonly Dictionary<string, SheetGrid> _sheets = new(StringComparer.Ordinal);

    private WorkbookFile()
    {
    }

    public IReadOnlyDictionary<string, SheetGrid> Sheets => _sheets;

    /// <summary>Whether the bytes look like a workbook still being copied: empty, or a zip without its central directory. Reads no part.</summary>
    public static bool LooksCutShort(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (span.Length == 0)
        {
            return true;
        }

        if (span.Length < 4 || span[0] != (byte)'P' || span[1] != (byte)'K')
        {
            return false;
        }

        try
        {
            using var package = new WorkbookPackage(Segment(bytes), new ReadBudget(WorkbookLimits.Default, TimeProvider.System));
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }

    /// <summary>The sheets' cells, or the one problem that stops the workbook from being read; <paramref name="cutShort"/> when it looks like a file still being written.</summary>
    public static WorkbookFile? Read(ReadOnlyMemory<byte> bytes, ReadBudget budget, out ValidationIssue? problem, out bool cutShort)
    {
        cutShort = false;
        problem = null;
        var span = bytes.Span;
        if (span.Length >= 8 && span[..8].SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            problem = WorkbookIssues.OldFormat(); // an OLE2 compound file: .xls, or an encrypted .xlsx
            return null;
        }

        if (span.Length < 4 || span[0] != (byte)'P' || span[1] != (byte)'K')
        {
            cutShort = span.Length == 0;
            problem = span.Length == 0 ? WorkbookIssues.NotAWorkbook("文件是空的", "the file is empty") : WorkbookIssues.NotAWorkbook("文件已损坏，或不是 Excel 保存的文件", "not a zip package");
            return null;
        }

        try
        {
            using var package = new WorkbookPackage(Segment(bytes), budget);
            problem = package.Inspect();
            if (problem is not null)
            {
                return null;
            }

            var file = new WorkbookFile();
            problem = file.Load(package, budget.Limits);
            return problem is null ? file : null;
        }
        catch (WorkbookLimitException ex)
        {
            problem = ex.Issue;
        }
        catch (InvalidDataException ex)
        {
            cutShort = true; // a zip without its central directory, or a part cut short: most often a copy still under way
            problem = WorkbookIssues.NotAWorkbook("文件不完整或已损坏（可能没有复制完）", $"the package is cut short or damaged ({ex.Message})");
        }
        catch (XmlException ex)
        {
            problem = WorkbookIssues.NotAWorkbook("文件内容已损坏", $"its XML cannot be read (line {ex.LineNumber}, position {ex.LinePosition})");
        }
        catch (DecoderFallbackException)
        {
            problem = WorkbookIssues.NotAWorkbook("文件内容的编码异常", "its XML is neither UTF-8 nor UTF-16");
        }

        return null;
    }

    /// <summary>The caller's array itself when it has one: a workbook's bytes are never copied.</summary>
    private static ArraySegment<byte> Segment(ReadOnlyMemory<byte> bytes)
        => MemoryMarshal.TryGetArray(bytes, out var segment) ? segment : new ArraySegment<byte>(bytes.ToArray());

    private ValidationIssue? Load(WorkbookPackage package, WorkbookLimits limits)
    {
        var main = package.Relationships("").FirstOrDefault(static r => r.Is("officeDocument") && !r.IsExternal)?.Target;
        if (main is null || !package.Has(main))
        {
            return WorkbookIssues.NotAWorkbook("文件中没有工作簿", "it has no workbook part");
        }

        if (package.ContentType(main) is not { } type)
        {
            return WorkbookIssues.NotAWorkbook("文件不完整，缺少 Excel 和 WPS 保存时都会写入的部分", package.Has(ContentTypesPart)
                ? $"{ContentTypesPart} names no type for the workbook part '{main}'"
                : $"it has no {ContentTypesPart} part, which names the type of every part (Excel and WPS always write one)");
        }

        if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("addin", StringComparison.OrdinalIgnoreCase))
        {
            return WorkbookIssues.Macros(type);
        }

        if (!type.StartsWith(MainTypePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return WorkbookIssues.NotAWorkbook("它是别的文件（如 Word 文档）改成了 .xlsx 的扩展名", $"it is not an Excel workbook ({type})");
        }

        var relationships = package.Relationships(main);
        if (relationships.Any(static r => r.Is("externalLink")))
        {
            return WorkbookIssues.ExternalLinks();
        }

        var (sheets, date1904) = ReadSheetList(package, main);
        if (sheets.Count == 0)
        {
            return WorkbookIssues.NotAWorkbook("工作簿中没有工作表", "it has no sheets");
        }

        var strings = SharedStrings.Read(Part(package, relationships, "sharedStrings", "共享字符串", "the shared strings"), limits);
        var styles = CellStyles.Read(Part(package, relationships, "styles", "单元格格式", "the styles"));
        var reader = new SheetReader(strings, styles, date1904, limits);
        var cells = 0;
        foreach (var (name, id) in sheets)
        {
            if (_sheets.ContainsKey(name) || relationships.FirstOrDefault(r => r.Id == id) is not { IsExternal: false } target || !target.Is("worksheet"))
            {
                continue; // a chart sheet or a dialog sheet: nothing to read
            }

            using var xml = package.Open(target.Target, $"工作表“{name}”", $"the sheet '{name}'", name);
            if (xml is null)
            {
                continue;
            }

            var grid = reader.Read(xml, name, limits.MaxCells - cells);
            cells += grid.CellCount;
            _sheets[name] = grid;
        }

        return null;
    }

    /// <summary>The workbook's sheets in order (each one's name and relationship id), and whether its dates count from 1904 (a Mac option).</summary>
    private static (List<(string Name, string Id)> Sheets, bool Date1904) ReadSheetList(WorkbookPackage package, string main)
    {
        var sheets = new List<(string, string)>();
        var date1904 = false;
        using var xml = package.Open(main, "工作簿部件", "the workbook part");
        while (xml is not null && xml.Read())
        {
            if (xml.IsElement("sheet") && xml.Attribute("name") is { } name && xml.Attribute("id") is { } id)
            {
                sheets.Add((name, id));
            }
            else if (xml.IsElement("workbookPr"))
            {
                date1904 = xml.Attribute("date1904") is "1" or "true";
            }
        }

        return (sheets, date1904);
    }

    private static PartXml? Part(WorkbookPackage package, IReadOnlyList<PartRelationship> relationships, string type, string place, string placeEn)
        => relationships.FirstOrDefault(r => r.Is(type) && !r.IsExternal)?.Target is { } target ? package.Open(target, place, placeEn) : null;
}
