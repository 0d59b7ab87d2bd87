using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using DocGen.Core.Validation;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// Reads an untrusted .xlsx into the cells of its sheets, refusing what is not a plain workbook
/// (X1–X5) before anything is taken from it: the zip is inspected first (entries, sizes,
/// compression ratio, macros), then the Open XML SDK streams each sheet (never a whole part in
/// memory as a tree), with <see cref="WorkbookLimits"/> checked as it goes.
/// </summary>
internal sealed class WorkbookFile
{
    private readonly Dictionary<string, SheetGrid> _sheets = new(StringComparer.Ordinal);

    private WorkbookFile()
    {
    }

    public IReadOnlyDictionary<string, SheetGrid> Sheets => _sheets;

    /// <summary>The sheets' cells, or the one problem that stops the workbook from being read; <paramref name="cutShort"/> when it looks like a file still being written.</summary>
    public static WorkbookFile? Read(ReadOnlyMemory<byte> bytes, WorkbookLimits limits, out ValidationIssue? problem, out bool cutShort)
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
            problem = WorkbookIssues.NotAWorkbook(span.Length == 0 ? "文件是空的 the file is empty" : "不是 zip 格式 not a zip package");
            return null;
        }

        // One array for both readers (the zip inspection and the SDK): the bytes are not copied per reader.
        var array = MemoryMarshal.TryGetArray(bytes, out var segment) ? segment : new ArraySegment<byte>(bytes.ToArray());
        try
        {
            problem = Inspect(array, limits);
            if (problem is not null)
            {
                return null;
            }

            var file = new WorkbookFile();
            problem = file.Load(array, limits);
            return problem is null ? file : null;
        }
        catch (InvalidDataException ex)
        {
            cutShort = true; // a zip without its central directory: most often a copy still under way
            problem = WorkbookIssues.NotAWorkbook($"压缩包不完整或已损坏 the package is cut short or damaged ({ex.Message})");
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidOperationException or System.Xml.XmlException or IOException or FormatException or OverflowException or ArgumentException or NotSupportedException)
        {
            problem = ex.Message.Contains("MaxCharactersInPart", StringComparison.Ordinal) || ex.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase)
                ? WorkbookIssues.TooBig("某个部件超过字符上限", "a part has more characters than allowed")
                : WorkbookIssues.NotAWorkbook($"结构无法读取 its structure cannot be read ({ex.GetType().Name}: {ex.Message})");
        }

        return null;
    }

    /// <summary>The zip before the SDK opens it: bounded, no macros, no links to other files.</summary>
    private static ValidationIssue? Inspect(ArraySegment<byte> bytes, WorkbookLimits limits)
    {
        using var zip = new ZipArchive(Stream(bytes), ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxEntries)
        {
            return WorkbookIssues.TooBig($"包含 {zip.Entries.Count} 个部件", $"{zip.Entries.Count} parts");
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > 1048576 && entry.Length > entry.CompressedLength * limits.MaxRatio)
            {
                return WorkbookIssues.TooBig($"部件“{entry.FullName}”压缩比异常，可能是“压缩炸弹”", $"the part '{entry.FullName}' has an abnormal compression ratio: possibly a zip bomb");
            }

            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
            {
                return WorkbookIssues.TooBig($"解压后超过 {limits.MaxUncompressedBytes / 1048576} MB", $"over {limits.MaxUncompressedBytes / 1048576} MB uncompressed");
            }

            var name = entry.FullName;
            if (name.Contains("vbaProject", StringComparison.OrdinalIgnoreCase) || name.Contains("vbaData", StringComparison.OrdinalIgnoreCase))
            {
                return WorkbookIssues.Macros(name);
            }

            if (name.StartsWith("xl/externalLinks/", StringComparison.OrdinalIgnoreCase))
            {
                return WorkbookIssues.ExternalLinks();
            }
        }

        return null;
    }

    private static MemoryStream Stream(ArraySegment<byte> bytes) => new(bytes.Array!, bytes.Offset, bytes.Count, writable: false);

    private ValidationIssue? Load(ArraySegment<byte> bytes, WorkbookLimits limits)
    {
        using var stream = Stream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxCharactersInPart, AutoSave = false });
        if (document.DocumentType != SpreadsheetDocumentType.Workbook && document.DocumentType != SpreadsheetDocumentType.Template)
        {
            return WorkbookIssues.Macros(document.DocumentType.ToString());
        }

        var workbook = document.WorkbookPart;
        if (workbook?.Workbook?.Sheets is not { } sheets)
        {
            return WorkbookIssues.NotAWorkbook("没有工作表 it has no sheets");
        }

        if (workbook.ExternalWorkbookParts.Any())
        {
            return WorkbookIssues.ExternalLinks();
        }

        var strings = SharedStrings.Read(workbook.SharedStringTablePart, limits);
        var percentStyles = NumberFormats.PercentStyles(workbook.WorkbookStylesPart);
        var cells = 0;
        foreach (var sheet in sheets.Elements<Sheet>())
        {
            if (sheet.Name?.Value is not { } name || sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part || _sheets.ContainsKey(name))
            {
                continue; // a chart sheet or a dialog sheet: nothing to read
            }

            var grid = new SheetGrid(name);
            if (ReadSheet(part, grid, strings, percentStyles, limits, limits.MaxCells - cells) is { } tooBig)
            {
                return tooBig;
            }

            cells += grid.CellCount;
            _sheets[name] = grid;
        }

        return null;
    }

    private static ValidationIssue? ReadSheet(WorksheetPart part, SheetGrid grid, IReadOnlyList<string> strings, IReadOnlySet<uint> percentStyles, WorkbookLimits limits, int cellsLeft)
    {
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                var row = (Row)reader.LoadCurrentElement()!;
                rowNumber = row.RowIndex?.Value is { } index and > 0 and <= 1_048_576 ? (int)index : rowNumber + 1;
                var column = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference && CellPlace.Parse(reference) is { } at ? at.Column : column + 1;
                    if (Read(cell, strings, percentStyles) is { IsEmpty: false } value)
                    {
                        grid.Set(rowNumber, column, value);
                    }
                }

                if (grid.RowCount > limits.MaxRows || grid.CellCount > cellsLeft)
                {
                    return WorkbookIssues.TooBig(
                        string.Create(CultureInfo.InvariantCulture, $"工作表“{grid.Name}”超过 {limits.MaxRows:N0} 行或整个工作簿超过 {limits.MaxCells:N0} 个有内容的单元格"),
                        string.Create(CultureInfo.InvariantCulture, $"the sheet '{grid.Name}' has over {limits.MaxRows:N0} rows, or the workbook over {limits.MaxCells:N0} filled cells"));
                }
            }
            else if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
            {
                var merge = (MergeCell)reader.LoadCurrentElement()!;
                if (merge.Reference?.Value?.Split(':') is [var from, var to] && CellPlace.Parse(from) is { } a && CellPlace.Parse(to) is { } b)
                {
                    // Clipped: a range over a whole sheet must not make billions of cells.
                    grid.FillMerged(a.Row, a.Column, Math.Min(b.Row, a.Row + limits.MaxRows), Math.Min(b.Column, a.Column + 64));
                    if (grid.CellCount > cellsLeft)
                    {
                        return WorkbookIssues.TooBig("合并单元格过多", "too many merged cells");
                    }
                }
            }
        }

        return null;
    }

    private static SheetCell? Read(Cell cell, IReadOnlyList<string> strings, IReadOnlySet<uint> percentStyles)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (cell.CellFormula is not null && raw is null)
        {
            return new SheetCell("", FormulaWithoutValue: true);
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? new SheetCell(CellText.Clean(strings[index])) : null;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? new SheetCell(CellText.Clean(SharedStrings.TextOf(inline))) : null;
        }

        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.Error)
        {
            return new SheetCell("", ErrorValue: raw.Trim());
        }

        if (type == CellValues.Boolean)
        {
            return new SheetCell(raw.Trim() == "1" ? "TRUE" : "FALSE");
        }

        if (type == CellValues.String || type == CellValues.Date)
        {
            return new SheetCell(CellText.Clean(raw));
        }

        // A number, as stored (a double's text): the decimal Excel shows, 15 significant digits.
        if (CellText.Decimal(raw) is not { } number)
        {
            return new SheetCell(CellText.Clean(raw));
        }

        return new SheetCell(number, number, cell.StyleIndex?.Value is { } style && percentStyles.Contains(style));
    }
}
