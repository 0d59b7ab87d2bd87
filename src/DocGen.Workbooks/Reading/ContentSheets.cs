using DocGen.Workbooks.Layout;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// The workbook's content sheets by their names, or, when a clerk renamed one (绩效指标 →
/// 绩效指标（2026）), by what is in it: a sheet DocGen does not know whose header or labels are
/// mostly those of the missing sheet is read as it, and the rename named once (X7). Any other
/// sheet with something in it is named as not read (X8).
/// </summary>
internal sealed class ContentSheets(WorkbookFile file, ReadContext context)
{
    private static readonly HashSet<string> s_ours =
    [
        WorkbookLayout.InstructionsSheet, WorkbookLayout.InfoSheet, WorkbookLayout.Part1Sheet, WorkbookLayout.ProjectsSheet,
        WorkbookLayout.GoalsSheet, WorkbookLayout.IndicatorsSheet, WorkbookLayout.ListsSheet,
    ];

    /// <summary>Rows searched for a header or labels: as many as <see cref="TableHeader"/> and the label sheets use.</summary>
    private const int SearchRows = 20;

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>The sheet named <paramref name="name"/>, else one that looks like it (the rename reported), else null.</summary>
    public SheetGrid? Find(string name)
    {
        if (file.Sheets.GetValueOrDefault(name) is { } sheet)
        {
            return sheet;
        }

        var best = file.Sheets.Values
            .Where(s => !s_ours.Contains(s.Name) && !_taken.Contains(s.Name))
            .Select(s => (Sheet: s, Score: Score(name, s)))
            .Where(c => c.Score >= Threshold(name))
            .OrderByDescending(static c => c.Score)
            .FirstOrDefault().Sheet;
        if (best is not null)
        {
            _taken.Add(best.Name);
            context.Report(WorkbookIssues.RenamedSheet(name, best.Name), CellPlace.Sheet(best.Name));
        }

        return best;
    }

    /// <summary>Names, as not read (X8), the sheets DocGen does not know that have something in them.</summary>
    public void ReportUnknown()
    {
        foreach (var sheet in file.Sheets.Values.Where(s => !s_ours.Contains(s.Name) && !_taken.Contains(s.Name)))
        {
            if (sheet.Rows.Any(r => sheet.CellsOf(r).Any(static c => !c.Cell.IsEmpty)))
            {
                context.Report(WorkbookIssues.UnknownSheet(sheet.Name), CellPlace.Sheet(sheet.Name));
            }
        }
    }

    /// <summary>How many of the sheet's labels (a label sheet's column A) or column headers (a table's best header row) another sheet has.</summary>
    private static int Score(string name, SheetGrid sheet) => Columns(name) is { } columns
        ? sheet.Rows.Take(SearchRows).Select(r => TableHeader.Score(sheet.CellsOf(r).Select(static c => c.Cell.Text), columns)).DefaultIfEmpty(0).Max()
        : TableHeader.Score(sheet.Rows.Select(r => sheet.Get(r, 1)?.Text ?? ""), Labels(name));

    /// <summary>More than half of what the sheet should have, and at least two.</summary>
    private static int Threshold(string name) => Math.Max(2, ((Columns(name) ?? Labels(name)).Count / 2) + 1);

    private static IReadOnlyList<Field>? Columns(string name) => name switch
    {
        WorkbookLayout.ProjectsSheet => WorkbookLayout.ProjectColumns,
        WorkbookLayout.GoalsSheet => WorkbookLayout.GoalColumns,
        WorkbookLayout.IndicatorsSheet => WorkbookLayout.IndicatorColumns,
        _ => null,
    };

    /// <summary>A label sheet's labels and section titles, each once.</summary>
    private static IReadOnlyList<Field> Labels(string name)
    {
        var sections = name == WorkbookLayout.InfoSheet ? [WorkbookLayout.Info] : WorkbookLayout.Part1;
        return [.. sections.SelectMany(static s => s.Fields.Select(static f => f.Label).Concat(s.Title is { } t ? [t] : []))
            .Distinct(StringComparer.Ordinal).Select(static label => new Field(label, "", FieldKind.Text))];
    }
}
