using DocGen.Core.Json;
using DocGen.Workbooks.Layout;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// The header row of a table sheet (the first, within the top rows, with one of the table's
/// column names): which column holds which field, and the spending-plan checkpoints
/// (3月底累计支出比例 …), in calendar order whatever their columns' order. Columns are found by
/// their header text, so a clerk may reorder them; a changed header is found by resemblance and
/// named once (X7), a missing one named once (<see cref="Missing"/>: its values are not reported again).
/// </summary>
internal sealed record TableHeader(int Row, IReadOnlyDictionary<int, (Field Field, string Header)> Columns, IReadOnlyList<(int Column, string Label)> Checkpoints, int CodeColumn)
{
    private const int SearchRows = 20;

    /// <summary>The table's fields the header has no column for (when the sheet is one the submission needs; else none is reported).</summary>
    public IReadOnlyList<Field> Missing { get; init; } = [];

    /// <summary>
    /// The header row of a table, its known columns; unknown columns with content are reported (X8),
    /// and, when <paramref name="needed"/>, changed or missing ones (X7). Null after reporting a missing header when it is needed.
    /// </summary>
    public static TableHeader? Find(ReadContext context, SheetGrid sheet, IReadOnlyList<Field> fields, bool needed)
    {
        foreach (var row in sheet.Rows.Take(SearchRows))
        {
            var cells = sheet.CellsOf(row).ToList();
            if (Score(cells.Select(static c => c.Cell.Text), fields) == 0)
            {
                continue;
            }

            var columns = new Dictionary<int, (Field Field, string Header)>();
            var checkpoints = new List<(int Column, string Label)>();
            var unknown = new List<(int Column, string Header)>();
            foreach (var (column, cell) in cells)
            {
                var text = Field.Normalize(cell.Text);
                if (fields.FirstOrDefault(f => f.Matches(text)) is { } field && columns.Values.All(c => c.Field != field))
                {
                    columns[column] = (field, cell.Text);
                }
                else if (fields == WorkbookLayout.ProjectColumns && Checkpoint(text) is { } label)
                {
                    checkpoints.Add((column, label));
                }
                else if (text.Length > 0)
                {
                    unknown.Add((column, cell.Text));
                }
            }

            var missing = new List<Field>();
            foreach (var field in needed ? fields.Where(f => columns.Values.All(c => c.Field != f)) : [])
            {
                // A header changed (指标值 → 指标值（数字）): the column is read as the field, and the change named once.
                if (LabelMatch.Best(field.Label, [.. unknown.Select(static u => u.Header)]) is var at and >= 0)
                {
                    var (column, typed) = unknown[at];
                    unknown.RemoveAt(at);
                    columns[column] = (field, typed);
                    context.Report(WorkbookIssues.RenamedLabel(field.Label, typed, column: true), CellPlace.Cell(sheet.Name, row, column));
                }
                else
                {
                    missing.Add(field);
                    context.Report(WorkbookIssues.MissingLabel(sheet.Name, field.Label, column: true), CellPlace.Row(sheet.Name, row));
                }
            }

            checkpoints = [.. checkpoints.OrderBy(static c => WorkbookLayout.MonthOf(c.Label) ?? 13).ThenBy(static c => c.Column)];
            var code = columns.FirstOrDefault(static c => c.Value.Field.Label == WorkbookLayout.ProjectCodeHeader).Key;
            var header = new TableHeader(row, columns, checkpoints, code) { Missing = missing };

            // The columns filled below the header, found in one pass over the cells (not a pass over the rows for each of thousands of unknown columns).
            var filled = unknown.Count == 0 ? [] : sheet.Rows.Where(r => r > row).SelectMany(sheet.CellsOf).Where(static c => !c.Cell.IsEmpty).Select(static c => c.Column).ToHashSet();
            foreach (var (column, name) in unknown)
            {
                if (filled.Contains(column))
                {
                    context.Report(WorkbookIssues.UnknownLabel(JsonPath.Root, name), CellPlace.Cell(sheet.Name, row, column));
                }
            }

            return header;
        }

        if (needed)
        {
            context.Report(WorkbookIssues.MissingHeader(sheet.Name), CellPlace.Sheet(sheet.Name));
        }

        return null;
    }

    /// <summary>How many of a table's fields a row of texts names: how much a sheet looks like the table.</summary>
    public static int Score(IEnumerable<string> texts, IReadOnlyList<Field> fields)
    {
        var normalized = texts.Where(static t => t.Length <= 64).Select(Field.Normalize).ToHashSet(StringComparer.Ordinal);
        return fields.Count(f => normalized.Contains(Field.Normalize(f.Label)));
    }

    /// <summary>
    /// The column where an issue of a whole row is placed: the one that names the row (a goal's
    /// text, an indicator's 三级指标 name), else its 项目编码. Never a row alone: the clerk looks at a cell.
    /// </summary>
    public int AnchorColumn => Columns.FirstOrDefault(static c => c.Value.Field.Json is "" or "name" && c.Value.Field.Label != WorkbookLayout.ProjectCodeHeader).Key is var column and > 0 ? column
        : CodeColumn > 0 ? CodeColumn : Columns.Keys.DefaultIfEmpty(1).Min();

    /// <summary>The column where an issue of a row's project is placed: its 项目编码, or, without one, the row's anchor.</summary>
    public int AnchorCodeColumn => CodeColumn > 0 ? CodeColumn : AnchorColumn;

    /// <summary>“3月底累计支出比例(%)” → “3月底”.</summary>
    private static string? Checkpoint(string header)
    {
        var text = header.Replace("(%)", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal);
        var at = text.IndexOf(WorkbookLayout.SpendingSuffix, StringComparison.Ordinal);
        return at > 0 ? text[..at] : null;
    }

    /// <summary>
    /// The rows below the header with something in a known column. In a table of rows that belong
    /// to projects the code alone does not make a row (a 项目编码 merged down the rows also covers
    /// the blank ones among them).
    /// </summary>
    public IEnumerable<int> DataRows(SheetGrid sheet, bool codeCounts = true)
    {
        // Each row's own cells looked up in the known columns: a row costs its cells, not the header's thousands of columns.
        var known = Columns.Keys.Concat(Checkpoints.Select(static c => c.Column)).Where(c => codeCounts || c != CodeColumn).ToHashSet();
        return sheet.Rows.Where(r => r > Row && sheet.CellsOf(r).Any(c => known.Contains(c.Column) && !c.Cell.IsEmpty));
    }
}
