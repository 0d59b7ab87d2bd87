using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Rendering.Model;
using DocGen.Tests.Shared;
using DocGen.Workbooks.Writing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Workbooks.Tests.Support;

/// <summary>What the workbook tests share: the shipped frameworks and validator, fixtures as workbooks, cell edits, and hand-made packages.</summary>
internal static class Books
{
    public static FrameworkCatalog Frameworks { get; } = FrameworkCatalog.LoadFolder(Path.Combine(RepoRoot.Path, "templates"));

    public static SubmissionValidator Validator { get; } = new(Frameworks);

    public static string Fixture(string name) => Path.Combine(RepoRoot.Path, "fixtures", name);

    public static byte[] Seed => FromJson(File.ReadAllBytes(Fixture("S001-seed.json")));

    /// <summary>The workbook DocGen writes for a JSON submission.</summary>
    public static byte[] FromJson(byte[] json)
        => WorkbookWriter.Write(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject, Frameworks);

    public static SubmissionCheck Check(byte[] workbook) => WorkbookConverter.Check(workbook, Validator);

    /// <summary>
    /// A valid submission as the document sees it — defaults applied, comparators and decimals
    /// normalised — as JSON: two submissions that give the same document give the same text.
    /// </summary>
    public static string Normalised(SubmissionCheck check)
    {
        Assert.True(check.IsValid, string.Join("\n", check.Report.Issues.Select(static i => $"{i.Code} {i.Location ?? i.Path}: {i.MessageEn}")));
        return SubmissionJson.Numbers(JsonSerializer.Serialize(ModelMapper.Map(check.Valid!), OutputJson.Options));
    }

    /// <summary>The issues of a check as (code, path, severity), for comparing what two forms of one submission report.</summary>
    public static List<string> IssueKeys(SubmissionCheck check)
        => [.. check.Report.Issues.Select(static i => $"{i.Severity} {i.Code} {i.Path}").Order(StringComparer.Ordinal)];

    /// <summary>Changes a workbook with the Open XML SDK and returns the new bytes.</summary>
    public static byte[] Edit(byte[] workbook, Action<SpreadsheetDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            edit(document);
        }

        return stream.ToArray();
    }

    public static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook!.Descendants<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet!;
    }

    /// <summary>The cell at a reference, created (in order) when missing.</summary>
    public static Cell Cell(SpreadsheetDocument document, string sheetName, string reference)
    {
        var data = Sheet(document, sheetName).GetFirstChild<SheetData>()!;
        var rowIndex = uint.Parse(new string([.. reference.SkipWhile(char.IsLetter)]), System.Globalization.CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex! == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex! < rowIndex);
            if (after is null)
            {
                data.PrependChild(row);
            }
            else
            {
                after.InsertAfterSelf(row);
            }
        }

        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var column = ColumnNumber(reference);
            var before = row.Elements<Cell>().FirstOrDefault(c => ColumnNumber(c.CellReference!) > column);
            if (before is null)
            {
                row.Append(cell);
            }
            else
            {
                before.InsertBeforeSelf(cell);
            }
        }

        return cell;
    }

    public static void SetText(SpreadsheetDocument document, string sheet, string reference, string text)
    {
        var cell = Cell(document, sheet, reference);
        cell.RemoveAllChildren();
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A number as Excel stores it (the text of a double), keeping the cell's style.</summary>
    public static void SetNumber(SpreadsheetDocument document, string sheet, string reference, string stored)
    {
        var cell = Cell(document, sheet, reference);
        cell.RemoveAllChildren();
        cell.DataType = null;
        cell.CellValue = new CellValue(stored);
    }

    /// <summary>A number stored as Excel stores what a person types: the value (a date's serial) with the style of a number format, built-in (<paramref name="code"/> null) or custom.</summary>
    public static void SetStyled(SpreadsheetDocument document, string sheet, string reference, string stored, uint formatId, string? code = null)
    {
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        if (code is not null)
        {
            stylesheet.NumberingFormats ??= new NumberingFormats();
            stylesheet.NumberingFormats.Append(new NumberingFormat { NumberFormatId = formatId, FormatCode = code });
        }

        stylesheet.CellFormats!.Append(new CellFormat { NumberFormatId = formatId, ApplyNumberFormat = true });
        var cell = Cell(document, sheet, reference);
        cell.RemoveAllChildren();
        cell.DataType = null;
        cell.StyleIndex = (uint)stylesheet.CellFormats.Count() - 1;
        cell.CellValue = new CellValue(stored);
    }

    /// <summary>A zip of the given entries (for packages no spreadsheet program would write).</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The entries of a workbook, to change one and zip them again.</summary>
    public static List<(string Name, byte[] Content)> Entries(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(static e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        })];
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The texts of a sheet's first row, in column order.</summary>
    public static List<string> HeaderRow(byte[] workbook, string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var row = Sheet(document, name).GetFirstChild<SheetData>()!.Elements<Row>().First();
        return [.. row.Elements<Cell>().Select(static c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "")];
    }

    /// <summary>The zip entry name of a sheet's part in a workbook DocGen wrote.</summary>
    public static string SheetEntry(byte[] workbook, string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var sheet = document.WorkbookPart!.Workbook!.Descendants<Sheet>().Single(s => s.Name == name);
        return document.WorkbookPart.GetPartById(sheet.Id!).Uri.OriginalString.TrimStart('/');
    }

    /// <summary>The seed's workbook with one entry's content replaced.</summary>
    public static byte[] SeedWith(string entry, byte[] content)
    {
        var entries = Entries(Seed);
        var index = entries.FindIndex(e => e.Name == entry);
        Assert.True(index >= 0, $"no entry {entry}");
        entries[index] = (entry, content);
        return Zip([.. entries]);
    }

    /// <summary>A worksheet part of the given rows' XML.</summary>
    public static byte[] Worksheet(string rows)
        => Utf8($"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}</sheetData></worksheet>");

    private static int ColumnNumber(string reference)
        => reference.TakeWhile(char.IsLetter).Aggregate(0, static (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1));
}
