using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
internal sealed partial class SubmissionBuilder(WorkbookFile file, FrameworkCatalog frameworks)
{
    private const int HeaderSearchRows = 20;

    private readonly CellMap _map = new();
    private readonly List<ValidationIssue> _issues = [];
    private readonly List<string> _unreadable = [];
    private readonly JsonObject _root = [];
    private readonly List<JsonObject> _projects = [];
    private readonly Dictionary<string, int> _projectByCode = new(StringComparer.Ordinal);

    public CellMap Map => _map;

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public IReadOnlyList<string> Unreadable => _unreadable;

    public JsonObject Build()
    {
        if (Sheet(WorkbookLayout.InfoSheet) is { } info)
        {
            ReadLabelSheet(info, [WorkbookLayout.Info]);
        }
        else
        {
            _issues.Add(WorkbookIssues.MissingSheet(WorkbookLayout.InfoSheet));
        }

        if (Sheet(WorkbookLayout.Part1Sheet) is { } part1)
        {
            ReadLabelSheet(part1, WorkbookLayout.Part1);
        }

        ReadProjects();
        ReadRows(WorkbookLayout.GoalsSheet, "goals", WorkbookLayout.GoalColumns);
        ReadRows(WorkbookLayout.IndicatorsSheet, "indicators", WorkbookLayout.IndicatorColumns);
        if (_projects.Count > 0)
        {
            _root["projects"] = new JsonArray([.. _projects]);
        }

        // Where a list or section that is missing altogether should have been: its sheet.
        _map.Add("$.projects", CellPlace.Sheet(WorkbookLayout.ProjectsSheet));
        foreach (var section in WorkbookLayout.Part1)
        {
            _map.Add("$." + section.Json, CellPlace.Sheet(WorkbookLayout.Part1Sheet));
        }

        for (var p = 0; p < _projects.Count; p++)
        {
            _map.Add($"$.projects[{p}].goals", CellPlace.Sheet(WorkbookLayout.GoalsSheet));
            _map.Add($"$.projects[{p}].indicators", CellPlace.Sheet(WorkbookLayout.IndicatorsSheet));
        }

        return _root;
    }

    private SheetGrid? Sheet(string name) => file.Sheets.GetValueOrDefault(name);

    /// <summary>A sheet of label rows (column A) and values (column B), in sections.</summary>
    private void ReadLabelSheet(SheetGrid sheet, IReadOnlyList<LabelledSection> sections)
    {
        var section = sections[0].Title is null ? sections[0] : null;
        var items = new Dictionary<LabelledSection, JsonArray>();
        foreach (var row in sheet.Rows)
        {
            var label = sheet.Get(row, 1)?.Text ?? "";
            var value = sheet.Get(row, 2);
            if (sections.FirstOrDefault(s => s.Title is not null && Field.Normalize(label).StartsWith(Field.Normalize(s.Title), StringComparison.Ordinal)) is { } title)
            {
                section = title;
                _map.Add(SectionPath(title), CellPlace.Row(sheet.Name, row));
                continue;
            }

            if (label.Length == 0 && value is null || Field.Normalize(label) == WorkbookLayout.LabelHeader)
            {
                continue;
            }

            if (section?.Fields.FirstOrDefault(f => f.Matches(label)) is { } field)
            {
                var path = Join(SectionPath(section), field.Json);
                _map.Add(path, CellPlace.Cell(sheet.Name, row, 2));
                if (Value(field, value, path, sheet.Name, row, 2) is { } node)
                {
                    Set(SectionObject(section), field.Json, node);
                }
            }
            else if (section?.Items is { } itemsName && IsItemLabel(label))
            {
                var list = items.TryGetValue(section, out var existing) ? existing : items[section] = [];
                var path = $"{Join(SectionPath(section), itemsName)}[{list.Count}]";
                _map.Add(Join(SectionPath(section), itemsName), CellPlace.Cell(sheet.Name, row, 2));
                if (Value(new Field(label, itemsName, FieldKind.Text), value, path, sheet.Name, row, 2) is { } node)
                {
                    _map.Add(path, CellPlace.Cell(sheet.Name, row, 2));
                    list.Add(node);
                }
            }
            else if (value is { IsEmpty: false })
            {
                _issues.Add(Placed(WorkbookIssues.UnknownLabel(JsonPath.Root, label.Length == 0 ? "（空白）" : label), CellPlace.Cell(sheet.Name, row, label.Length == 0 ? 2 : 1)));
            }
        }

        foreach (var (owner, list) in items)
        {
            if (list.Count > 0)
            {
                SectionObject(owner)[owner.Items!] = list;
            }
        }
    }

    private JsonObject SectionObject(LabelledSection section)
    {
        if (section.Json.Length == 0)
        {
            return _root;
        }

        if (_root[section.Json] is not JsonObject existing)
        {
            _root[section.Json] = existing = [];
        }

        return existing;
    }

    private static string SectionPath(LabelledSection section) => section.Json.Length == 0 ? JsonPath.Root : "$." + section.Json;

    /// <summary>一是, 二是, … 十二是, or 分项 (a row a clerk added).</summary>
    private static bool IsItemLabel(string label) => ItemLabel().IsMatch(Field.Normalize(label));

    private void ReadProjects()
    {
        if (Sheet(WorkbookLayout.ProjectsSheet) is not { } sheet || Header(sheet, WorkbookLayout.ProjectColumns) is not { } header)
        {
            return;
        }

        foreach (var row in DataRows(sheet, header))
        {
            var index = _projects.Count;
            var project = new JsonObject();
            var path = $"$.projects[{index}]";
            _map.Add(path, CellPlace.Row(sheet.Name, row));
            foreach (var (column, (field, _)) in header.Columns)
            {
                var fieldPath = Join(path, field.Json);
                _map.Add(fieldPath, CellPlace.Cell(sheet.Name, row, column));
                if (Value(field, sheet.Get(row, column), fieldPath, sheet.Name, row, column) is { } node)
                {
                    Set(project, field.Json, node);
                }
            }

            ReadSpendingPlan(sheet, header, row, project, path);
            var code = sheet.Get(row, header.CodeColumn)?.Text ?? "";
            if (code.Length > 0 && !_projectByCode.TryAdd(code, index))
            {
                _issues.Add(Placed(WorkbookIssues.DuplicateProject($"{path}.projectCode", code), CellPlace.Cell(sheet.Name, row, header.CodeColumn)));
            }

            _projects.Add(project);
        }
    }

    private void ReadSpendingPlan(SheetGrid sheet, TableHeader header, int row, JsonObject project, string path)
    {
        var plan = new JsonArray();
        foreach (var (column, label) in header.Checkpoints)
        {
            _map.Add($"{path}.spendingPlan", CellPlace.Cell(sheet.Name, row, column));
            var itemPath = $"{path}.spendingPlan[{plan.Count}]";
            if (Value(new Field(label, "cumulativePercent", FieldKind.Percent), sheet.Get(row, column), itemPath + ".cumulativePercent", sheet.Name, row, column) is { } value)
            {
                _map.Add(itemPath, CellPlace.Cell(sheet.Name, row, column));
                _map.Add(itemPath + ".label", CellPlace.Cell(sheet.Name, header.Row, column));
                plan.Add(new JsonObject { ["label"] = label, ["cumulativePercent"] = value });
            }
        }

        if (plan.Count > 0)
        {
            project["spendingPlan"] = plan;
        }
    }

    /// <summary>A table of rows that belong to projects by their 项目编码 (goals, indicators).</summary>
    private void ReadRows(string sheetName, string listName, IReadOnlyList<Field> fields)
    {
        if (Sheet(sheetName) is not { } sheet || Header(sheet, fields) is not { } header)
        {
            return;
        }

        var lists = new Dictionary<int, JsonArray>();
        foreach (var row in DataRows(sheet, header, codeCounts: false))
        {
            if (Owner(sheet, header, row, listName) is not { } owner)
            {
                continue;
            }

            var list = lists.TryGetValue(owner, out var existing) ? existing : lists[owner] = [];
            var path = $"$.projects[{owner}].{listName}[{list.Count}]";
            _map.Add($"$.projects[{owner}].{listName}", CellPlace.Row(sheet.Name, row));
            _map.Add(path, CellPlace.Row(sheet.Name, row));
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
                    _map.Add(path, CellPlace.Cell(sheet.Name, row, column));
                    item = Value(field, sheet.Get(row, column), path, sheet.Name, row, column) ?? JsonValue.Create("");
                    continue;
                }

                var fieldPath = Join(path, field.Json);
                _map.Add(fieldPath, CellPlace.Cell(sheet.Name, row, column));
                if (Value(field, sheet.Get(row, column), fieldPath, sheet.Name, row, column) is { } node)
                {
                    Set((JsonObject)(item ??= new JsonObject()), field.Json, node);
                }
            }

            list.Add(item ?? new JsonObject());
        }

        foreach (var (owner, list) in lists)
        {
            _projects[owner][listName] = list;
        }
    }

    /// <summary>The project a row belongs to, by its code (or the only project when the code is left empty); null after reporting why none.</summary>
    private int? Owner(SheetGrid sheet, TableHeader header, int row, string listName)
    {
        var code = sheet.Get(row, header.CodeColumn)?.Text ?? "";
        var place = CellPlace.Cell(sheet.Name, row, header.CodeColumn);
        if (code.Length == 0)
        {
            if (_projects.Count == 1)
            {
                return 0;
            }

            _issues.Add(Placed(WorkbookIssues.NoProjectCode($"$.projects", sheet.Name), place));
            return null;
        }

        if (_projectByCode.TryGetValue(code, out var owner))
        {
            return owner;
        }

        _issues.Add(Placed(WorkbookIssues.UnknownProject("$.projects", code, listName == "goals" ? WorkbookLayout.GoalsSheet : WorkbookLayout.IndicatorsSheet), place));
        return null;
    }

    /// <summary>The header row of a table (the first with a 项目编码 column), its known columns; unknown columns with content are reported.</summary>
    private TableHeader? Header(SheetGrid sheet, IReadOnlyList<Field> fields)
    {
        foreach (var row in sheet.Rows.Take(HeaderSearchRows))
        {
            var cells = sheet.CellsOf(row).ToList();
            if (!cells.Any(static c => Field.Normalize(c.Cell.Text) == WorkbookLayout.ProjectCodeHeader))
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

            var header = new TableHeader(row, columns, checkpoints, columns.First(static c => c.Value.Field.Label == WorkbookLayout.ProjectCodeHeader).Key);
            foreach (var (column, name) in unknown)
            {
                if (sheet.Rows.Any(r => r > row && sheet.Get(r, column) is { IsEmpty: false }))
                {
                    _issues.Add(Placed(WorkbookIssues.UnknownLabel(JsonPath.Root, name), CellPlace.Cell(sheet.Name, row, column)));
                }
            }

            return header;
        }

        if (sheet.RowCount > 0)
        {
            _issues.Add(Placed(WorkbookIssues.MissingHeader(sheet.Name), CellPlace.Sheet(sheet.Name)));
        }

        return null;
    }

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
    private static IEnumerable<int> DataRows(SheetGrid sheet, TableHeader header, bool codeCounts = true)
        => sheet.Rows.Where(r => r > header.Row && header.Columns.Keys.Concat(header.Checkpoints.Select(static c => c.Column))
            .Any(c => (codeCounts || c != header.CodeColumn) && sheet.Get(r, c) is { IsEmpty: false }));

    /// <summary>The JSON value of a cell for a field, or null when it is empty or cannot be read (then reported at the cell).</summary>
    private JsonNode? Value(Field field, SheetCell? cell, string path, string sheet, int row, int column)
    {
        if (cell is null || cell.IsEmpty)
        {
            return null;
        }

        if (cell.FormulaWithoutValue || cell.ErrorValue is not null)
        {
            _issues.Add(Placed(cell.FormulaWithoutValue ? WorkbookIssues.FormulaWithoutValue(path) : WorkbookIssues.ErrorValue(path, cell.ErrorValue!), CellPlace.Cell(sheet, row, column)));
            _unreadable.Add(path);
            return null;
        }

        return CellJson.ToJson(field, cell, frameworks);
    }

    private static ValidationIssue Placed(ValidationIssue issue, SourcePlace place) => issue with { Location = place.Location, Source = place.Reference };

    private static string Join(string path, string relative) => relative.Length == 0 ? path : path + "." + relative;

    /// <summary>Sets <c>budget.total</c> in an object, creating <c>budget</c>.</summary>
    private static void Set(JsonObject target, string relative, JsonNode value)
    {
        var parts = relative.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (target[parts[i]] is not JsonObject next)
            {
                target[parts[i]] = next = [];
            }

            target = next;
        }

        target[parts[^1]] = value;
    }

    [GeneratedRegex(@"^([一二三四五六七八九十]+是|分项\d*)$")]
    private static partial Regex ItemLabel();

    private sealed record TableHeader(int Row, IReadOnlyDictionary<int, (Field Field, string Header)> Columns, IReadOnlyList<(int Column, string Label)> Checkpoints, int CodeColumn);
}
