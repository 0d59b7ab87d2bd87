using System.Text.Json.Nodes;
using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Workbooks.Layout;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// Turns the cells of a workbook into the JSON submission, recording where each value came from
/// (<see cref="CellMap"/>). Rows and columns are found by their labels. Values go into the JSON as
/// they are — text as text, numbers as exact decimals — so the validator judges a workbook exactly
/// as it judges JSON (a “30,000元” typed in an amount cell is its usual V-report, at the cell).
/// </summary>
internal sealed class SubmissionBuilder(WorkbookFile file, FrameworkCatalog frameworks, ReadBudget budget)
{
    private readonly ReadContext _context = new(frameworks, budget);
    private readonly JsonObject _root = [];
    private readonly List<JsonObject> _projects = [];
    private readonly ProjectRows _owners = new();

    public CellMap Map => _context.Map;

    public IReadOnlyList<ValidationIssue> Issues => _context.Issues;

    public IReadOnlyList<string> Unreadable => _context.Unreadable;

    public JsonObject Build()
    {
        var sheets = new ContentSheets(file, _context);
        if (sheets.Find(WorkbookLayout.InfoSheet) is { } info)
        {
            LabelSheetReader.Read(_context, info, [WorkbookLayout.Info], _root, needed: true);
        }
        else
        {
            Missing(WorkbookLayout.InfoSheet, "$.kind", "$.fiscalYear", "$.framework", "$.unit", "$.amountUnit");
        }

        CheckFramework();

        // Which sheets the kind needs: a missing or changed one is named only when its content is needed.
        var kind = _root["kind"] is JsonValue value && value.TryGetValue<string>(out var k) ? k : null;
        var part1Needed = kind is not "projectGoalTable";
        var projectsNeeded = kind is not "departmentOverall";
        if ((part1Needed ? sheets.Find(WorkbookLayout.Part1Sheet) : Sheet(WorkbookLayout.Part1Sheet)) is { } part1)
        {
            LabelSheetReader.Read(_context, part1, WorkbookLayout.Part1, _root, part1Needed);
        }
        else if (part1Needed)
        {
            Missing(WorkbookLayout.Part1Sheet, [.. WorkbookLayout.Part1.Select(static s => "$." + s.Json)]);
        }

        ReadProjects(projectsNeeded ? sheets.Find(WorkbookLayout.ProjectsSheet) : Sheet(WorkbookLayout.ProjectsSheet), projectsNeeded);
        ReadRows(projectsNeeded ? sheets.Find(WorkbookLayout.GoalsSheet) : Sheet(WorkbookLayout.GoalsSheet), WorkbookLayout.GoalsSheet, "goals", WorkbookLayout.GoalColumns, projectsNeeded);
        ReadRows(projectsNeeded ? sheets.Find(WorkbookLayout.IndicatorsSheet) : Sheet(WorkbookLayout.IndicatorsSheet), WorkbookLayout.IndicatorsSheet, "indicators", WorkbookLayout.IndicatorColumns, projectsNeeded);
        sheets.ReportUnknown();
        if (_projects.Count > 0)
        {
            _root["projects"] = new JsonArray([.. _projects]);
        }

        // Where a list or section that is missing altogether should have been: its sheet.
        _context.Map.Add("$.projects", CellPlace.Sheet(WorkbookLayout.ProjectsSheet));
        foreach (var section in WorkbookLayout.Part1)
        {
            _context.Map.Add("$." + section.Json, CellPlace.Sheet(WorkbookLayout.Part1Sheet));
        }

        for (var p = 0; p < _projects.Count; p++)
        {
            _context.Map.Add($"$.projects[{p}].goals", CellPlace.Sheet(WorkbookLayout.GoalsSheet));
            _context.Map.Add($"$.projects[{p}].indicators", CellPlace.Sheet(WorkbookLayout.IndicatorsSheet));
        }

        return _root;
    }

    private SheetGrid? Sheet(string name) => file.Sheets.GetValueOrDefault(name);

    /// <summary>
    /// The 指标体系 cell against the one framework the hidden lists sheet was written for: a
    /// workbook is laid out for one framework, and checking it against another would ask for names
    /// its drop-downs cannot offer. Named once (X7); its framework then is not used to check names.
    /// </summary>
    private void CheckFramework()
    {
        if (Sheet(WorkbookLayout.ListsSheet) is not { } lists || lists.CellsOf(lists.Rows.FirstOrDefault()).FirstOrDefault(static c => c.Cell.Text == WorkbookLayout.FrameworkListHeader) is not (> 0 and var column, _))
        {
            return;
        }

        // A workbook written before one framework per workbook lists them all: nothing to check against.
        var listed = lists.Rows.Skip(1).Select(r => lists.Get(r, column)?.Text).Where(static t => !string.IsNullOrEmpty(t)).Take(2).ToList();
        if (listed.Count != 1 || frameworks.Find(CellJson.FrameworkName(frameworks, listed[0]!)) is not { } written)
        {
            return;
        }

        var typed = _root["framework"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;
        if (frameworks.Find(typed) is { } chosen && chosen.Name != written.Name)
        {
            var path = "$.framework";
            var shown = typed is null ? $"（空白，即默认的“{chosen.Title ?? chosen.Name}”）" : chosen.Title ?? chosen.Name;
            _context.Report(WorkbookIssues.FrameworkChanged(path, written.Title ?? written.Name, shown), _context.Map.Locate(path) ?? CellPlace.Sheet(WorkbookLayout.InfoSheet));
            _context.Unreadable.Add(path);
        }
    }

    /// <summary>A needed sheet that is not there: named once, and what it holds not reported again as missing.</summary>
    private void Missing(string sheet, params string[] paths)
    {
        _context.Issues.Add(WorkbookIssues.MissingSheet(sheet));
        _context.Unreadable.AddRange(paths);
    }

    private void ReadProjects(SheetGrid? sheet, bool needed)
    {
        if (sheet is null)
        {
            if (needed)
            {
                Missing(WorkbookLayout.ProjectsSheet, "$.projects");
            }

            return;
        }

        if (TableHeader.Find(_context, sheet, WorkbookLayout.ProjectColumns, needed) is not { } header)
        {
            if (needed)
            {
                _context.Unreadable.Add("$.projects"); // named once, as a missing header
            }

            return;
        }

        var checkpoints = header.Checkpoints.Select(static (c, order) => (c.Column, order)).ToDictionary(static c => c.Column, static c => c.order);
        foreach (var row in header.DataRows(sheet))
        {
            _context.CheckTime(sheet.Name, row);
            var index = _projects.Count;
            var project = new JsonObject();
            var path = $"$.projects[{index}]";
            _context.Map.Add(path, CellPlace.Cell(sheet.Name, row, header.AnchorCodeColumn)); // a project's own issues: at its code
            foreach (var (column, (field, _)) in header.Columns)
            {
                var fieldPath = ReadContext.Join(path, field.Json);
                _context.Map.Add(fieldPath, CellPlace.Cell(sheet.Name, row, column));
                if (_context.Value(field, sheet.Get(row, column), fieldPath, sheet.Name, row, column) is { } node)
                {
                    ReadContext.Set(project, field.Json, node);
                }
            }

            _context.Unreadable.AddRange(header.Missing.Select(f => ReadContext.Join(path, f.Json))); // named once, as a missing column
            ReadSpendingPlan(sheet, header, checkpoints, row, project, path);
            var typed = header.CodeColumn > 0 ? sheet.Get(row, header.CodeColumn)?.Text ?? "" : "";
            var code = ValueSlips.ToHalfWidth(typed); // a row names its project whatever the width of its digits (a full-width code is reported at the project)
            if (code.Length > 0 && !_owners.TryAdd(code, index))
            {
                _context.Report(WorkbookIssues.DuplicateProject($"{path}.projectCode", typed), CellPlace.Cell(sheet.Name, row, header.CodeColumn));
            }

            _projects.Add(project);
        }
    }

    /// <summary>
    /// A project's spending plan: the cells its row filled under the checkpoint columns, in the
    /// checkpoints' order. Only the filled cells are visited: a header of thousands of checkpoint
    /// columns costs the rows under it nothing.
    /// </summary>
    private void ReadSpendingPlan(SheetGrid sheet, TableHeader header, Dictionary<int, int> checkpoints, int row, JsonObject project, string path)
    {
        if (header.Checkpoints.Count == 0)
        {
            return;
        }

        _context.Map.Add($"{path}.spendingPlan", CellPlace.Cell(sheet.Name, row, header.Checkpoints[0].Column)); // a plan missing altogether: at its first column
        var plan = new JsonArray();
        var filled = sheet.CellsOf(row).Where(c => checkpoints.ContainsKey(c.Column)).Select(static c => c.Column).OrderBy(c => checkpoints[c]).ToList();
        foreach (var (column, label) in filled.Select(c => header.Checkpoints[checkpoints[c]]))
        {
            var itemPath = $"{path}.spendingPlan[{plan.Count}]";
            if (_context.Value(new Field(label, "cumulativePercent", FieldKind.Percent), sheet.Get(row, column), itemPath + ".cumulativePercent", sheet.Name, row, column) is { } value)
            {
                _context.Map.Add(itemPath, CellPlace.Cell(sheet.Name, row, column));
                _context.Map.Add(itemPath + ".label", CellPlace.Cell(sheet.Name, header.Row, column));
                plan.Add(new JsonObject { ["label"] = label, ["cumulativePercent"] = value });
            }
        }

        if (plan.Count > 0)
        {
            project["spendingPlan"] = plan;
        }
    }

    /// <summary>A table of rows that belong to projects by their 项目编码 (goals, indicators).</summary>
    private void ReadRows(SheetGrid? sheet, string sheetName, string listName, IReadOnlyList<Field> fields, bool needed)
    {
        var header = sheet is null ? null : TableHeader.Find(_context, sheet, fields, needed);
        if (sheet is null && needed)
        {
            _context.Issues.Add(WorkbookIssues.MissingSheet(sheetName));
        }

        // Nothing of the table can be read (no sheet, no header, no column but the code, or no code among several projects), or
        // there is no project for its rows to belong to (that is the one issue): named once, never as missing lists or row by row.
        if (sheet is null || header is null || _projects.Count == 0 || header.Columns.Keys.All(c => c == header.CodeColumn) || header.CodeColumn == 0 && _projects.Count > 1)
        {
            if (needed)
            {
                _context.Unreadable.AddRange(_projects.Select((_, p) => $"$.projects[{p}].{listName}"));
            }

            return;
        }

        var lists = new Dictionary<int, JsonArray>();
        foreach (var row in header.DataRows(sheet, codeCounts: false))
        {
            _context.CheckTime(sheet.Name, row);
            if (header.Columns.Keys.Where(c => c != header.CodeColumn).Select(c => sheet.Get(row, c)).All(static cell => cell is null or { IsEmpty: true } or { MergedCopy: true }))
            {
                continue; // only a merged range's continuation: its item is the range's first row's, read there once
            }

            if (_owners.Owner(sheet, header, row, listName, _projects.Count, _context) is not { } owner)
            {
                continue;
            }

            var list = lists.TryGetValue(owner, out var existing) ? existing : lists[owner] = [];
            var path = $"$.projects[{owner}].{listName}[{list.Count}]";
            var anchor = CellPlace.Cell(sheet.Name, row, header.AnchorColumn); // a row's own issues: at the cell that names it
            _context.Map.Add($"$.projects[{owner}].{listName}", anchor);
            _context.Map.Add(path, anchor);
            JsonNode? item = null;
            foreach (var (column, (field, _)) in header.Columns)
            {
                if (field.Label == WorkbookLayout.ProjectCodeHeader)
                {
                    continue;
                }

                if (field.Json.Length == 0)
                {
                    // A list of texts (goals): the row's one value is the item.
                    _context.Map.Add(path, CellPlace.Cell(sheet.Name, row, column));
                    item = _context.Value(field, sheet.Get(row, column), path, sheet.Name, row, column) ?? JsonValue.Create("");
                    continue;
                }

                var fieldPath = ReadContext.Join(path, field.Json);
                _context.Map.Add(fieldPath, CellPlace.Cell(sheet.Name, row, column));
                if (_context.Value(field, sheet.Get(row, column), fieldPath, sheet.Name, row, column) is { } node)
                {
                    ReadContext.Set((JsonObject)(item ??= new JsonObject()), field.Json, node);
                }
            }

            _context.Unreadable.AddRange(header.Missing.Where(static f => f.Json.Length > 0).Select(f => ReadContext.Join(path, f.Json))); // named once, as a missing column
            list.Add(item ?? new JsonObject());
        }

        foreach (var (owner, list) in lists)
        {
            _projects[owner][listName] = list;
        }
    }
}
