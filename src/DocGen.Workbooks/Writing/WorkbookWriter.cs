using System.Globalization;
using System.Text.Json.Nodes;
using DocGen.Core.Frameworks;
using DocGen.Workbooks.Layout;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Field = DocGen.Workbooks.Layout.Field;

namespace DocGen.Workbooks.Writing;

/// <summary>
/// Writes the workbook a clerk fills (<c>docgen workbook</c>), blank or prefilled from a
/// submission — also one with errors, whose values are written as they are so that the clerk
/// sees and fixes them. Laid out from <see cref="WorkbookLayout"/> and one indicator framework:
/// its 一级 and 二级 names become the drop-down lists and its title the 指标体系 cell, the only
/// choice there, so a name the report asks for is always one the list offers (a workbook per
/// framework: lists that change with a choice work differently in Excel, WPS and LibreOffice).
/// </summary>
public static class WorkbookWriter
{
    /// <summary>Rows of a table sheet that get the drop-down lists (far more than a submission needs).</summary>
    public const int TableRows = 2000;

    /// <summary>
    /// Writes the workbook for <paramref name="framework"/> (a framework's name), else for the
    /// submission's framework when it names one loaded, else for the default one.
    /// </summary>
    public static byte[] Write(JsonObject? submission, FrameworkCatalog frameworks, string? framework = null)
        => Write(submission, frameworks, FrameworkFor(submission, frameworks, framework));

    /// <summary>The framework a workbook is written for: the one asked for (unknown: an error), else the submission's if it is loaded, else the default.</summary>
    public static IndicatorFramework FrameworkFor(JsonObject? submission, FrameworkCatalog frameworks, string? requested = null)
    {
        ArgumentNullException.ThrowIfNull(frameworks);
        if (requested is not null)
        {
            return frameworks.Find(requested) ?? throw new ArgumentException($"No indicator framework is named '{requested}' (loaded: {string.Join(", ", frameworks.Names)}).", nameof(requested));
        }

        return frameworks.Find(CellContent.At(submission, "framework") is JsonValue v && v.TryGetValue<string>(out var name) ? name : null)
            ?? frameworks.Find(null) ?? throw new InvalidOperationException("No indicator framework is loaded.");
    }

    private static byte[] Write(JsonObject? submission, FrameworkCatalog frameworks, IndicatorFramework framework)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 1 }), new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Create();
            var lists = new ListsSheet(framework);
            Add(workbook, WorkbookLayout.InstructionsSheet, Instructions(framework));
            Add(workbook, WorkbookLayout.InfoSheet, LabelSheet([WorkbookLayout.Info], submission, frameworks, framework));
            Add(workbook, WorkbookLayout.Part1Sheet, LabelSheet(WorkbookLayout.Part1, submission, frameworks, framework));
            var projects = submission?["projects"] as JsonArray ?? [];
            Add(workbook, WorkbookLayout.ProjectsSheet, Projects(projects, frameworks));
            Add(workbook, WorkbookLayout.GoalsSheet, Rows(projects, "goals", WorkbookLayout.GoalColumns, frameworks, lists));
            Add(workbook, WorkbookLayout.IndicatorsSheet, Rows(projects, "indicators", WorkbookLayout.IndicatorColumns, frameworks, lists));
            Add(workbook, WorkbookLayout.ListsSheet, lists.Sheet(), hidden: true);
            workbook.Workbook.Append(lists.DefinedNames());
        }

        return stream.ToArray();
    }

    private static void Add(WorkbookPart workbook, string name, SheetWriter content, bool hidden = false)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = content.Build();
        var sheets = workbook.Workbook!.GetFirstChild<Sheets>()!;
        sheets.Append(new Sheet
        {
            Name = name,
            SheetId = (uint)sheets.ChildElements.Count + 1,
            Id = workbook.GetIdOfPart(part),
            State = hidden ? SheetStateValues.Hidden : null,
        });
    }

    private static SheetWriter Instructions(IndicatorFramework framework)
    {
        string[] lines =
        [
            "填写说明",
            "本工作簿用于填写“部门整体绩效目标”和“预算项目绩效目标表”。填好后放入收件箱（inbox）文件夹，系统自动生成 Word 文档（和 PDF）；有错误时，failed 文件夹中的说明会逐条指出工作表和单元格（如：工作表“绩效指标”第 12 行 C 列（C12））。",
            "1. “基本信息”：申报类型、预算年度、指标体系、单位编码和名称。",
            "2. “部门整体绩效目标”：第一部分的三节（只报项目时可不填）。“一是、二是……”不够时插入行，栏目写“六是”“七是”或“分项”。",
            "3. “预算项目”：每个项目一行。金额直接输入数字（可带千分位，如 1,200.50）；“累计支出比例”填百分数，如 25%。日期不能填在数字栏里。",
            "4. “项目绩效目标”：每条目标一行，不用编号（文档自动编号 1. 2. …；写了编号也会被去掉）；填写所属项目的编码（只有一个项目时可不填）。",
            $"5. “绩效指标”：每个指标一行，填写所属项目的编码；一级、二级指标从下拉列表中选择。本申报表按指标体系“{framework.Title ?? framework.Name}”生成，下拉列表来自它；需要其他指标体系时，请向管理员索取按它生成的申报表。定量指标填写计算符号、指标值和计量单位；定性指标在“指标值（文字）”中填写。",
            "6. 编码列是文本格式，开头的 0 会保留。可以调整列宽、插入行、合并“项目编码”等单元格；请不要修改工作表名称和栏目名称。数字栏中，文档打印单元格显示的数：如果单元格格式隐藏了小数位（如 77.77% 显示为 78%），申报会被退回，请输入要打印的数。",
            "7. 也可以用 WPS 或 LibreOffice 填写，保存为 .xlsx 格式（不是 .xls 或 .et）。",
        ];
        var sheet = new SheetWriter();
        sheet.Column(1, 110);
        for (var i = 0; i < lines.Length; i++)
        {
            sheet.Text(i + 1, 1, lines[i], i == 0 ? WorkbookStyles.Title : WorkbookStyles.Text);
        }

        return sheet;
    }

    /// <summary>Label rows: a header, then per section its title, its fields and its items (一是, 二是, …).</summary>
    private static SheetWriter LabelSheet(IReadOnlyList<LabelledSection> sections, JsonObject? submission, FrameworkCatalog frameworks, IndicatorFramework framework)
    {
        var sheet = new SheetWriter();
        sheet.Column(1, 22);
        sheet.Column(2, 90, WorkbookStyles.Text);
        sheet.Column(3, 44);
        sheet.Freeze(1);
        sheet.Text(1, 1, WorkbookLayout.LabelHeader, WorkbookStyles.Header);
        sheet.Text(1, 2, WorkbookLayout.ValueHeader, WorkbookStyles.Header);
        sheet.Text(1, 3, "说明", WorkbookStyles.Header);
        var row = 2;
        foreach (var section in sections)
        {
            var owner = section.Json.Length == 0 ? submission : CellContent.At(submission, section.Json);
            if (section.Title is { } title)
            {
                sheet.Text(row, 1, title, WorkbookStyles.Section);
                sheet.Blank(row, 2, WorkbookStyles.Section);
                sheet.Blank(row, 3, WorkbookStyles.Section);
                row++;
            }

            foreach (var field in section.Fields)
            {
                sheet.Text(row, 1, field.Label, WorkbookStyles.Label);
                sheet.Blank(row, 2, CellContent.StyleOf(field.Kind));
                var value = CellContent.At(owner, field.Json);
                if (field.Kind == FieldKind.Framework && (value is null || frameworks.Find(value.ToString()) is not null))
                {
                    value = JsonValue.Create(framework.Name); // the workbook's own framework; one the submission names but is not loaded stays, for the clerk to see and fix
                }

                CellContent.Write(sheet, row, 2, field, value, frameworks);
                if (field.Hint is { } hint)
                {
                    sheet.Text(row, 3, hint, WorkbookStyles.Hint);
                }

                if (ListsSheet.For(field.Kind) is { } list)
                {
                    sheet.List(Cell(row, 2), list.Formula, list.Strict);
                }

                row++;
            }

            if (section.Items is { } itemsName)
            {
                var items = CellContent.At(owner, itemsName) as JsonArray ?? [];
                for (var i = 0; i < Math.Max(items.Count, section.BlankItems); i++)
                {
                    sheet.Text(row, 1, ChineseOrdinal(i + 1) + "是", WorkbookStyles.Label);
                    sheet.Blank(row, 2, WorkbookStyles.Text);
                    CellContent.Write(sheet, row, 2, new Field("", "", FieldKind.Text), i < items.Count ? items[i] : null, frameworks);
                    row++;
                }
            }
        }

        return sheet;
    }

    private static SheetWriter Projects(JsonArray projects, FrameworkCatalog frameworks)
    {
        var checkpoints = WorkbookLayout.InCalendarOrder(projects.SelectMany(static p => CellContent.At(p, "spendingPlan") as JsonArray ?? [])
            .Select(static c => CellContent.At(c, "label") is JsonValue v && v.TryGetValue<string>(out var label) ? label : null)
            .OfType<string>()).ToList();
        if (checkpoints.Count == 0)
        {
            checkpoints = [.. WorkbookLayout.DefaultCheckpoints];
        }

        var sheet = Table(WorkbookLayout.ProjectColumns);
        var spendingColumn = WorkbookLayout.ProjectColumns.Count + 1;
        for (var k = 0; k < checkpoints.Count; k++)
        {
            sheet.Column(spendingColumn + k, 12, WorkbookStyles.Percent);
            sheet.Text(1, spendingColumn + k, checkpoints[k] + WorkbookLayout.SpendingSuffix, WorkbookStyles.Header);
        }

        for (var p = 0; p < projects.Count; p++)
        {
            var row = p + 2;
            WriteFields(sheet, row, WorkbookLayout.ProjectColumns, projects[p], frameworks);
            foreach (var checkpoint in CellContent.At(projects[p], "spendingPlan") as JsonArray ?? [])
            {
                var at = checkpoints.IndexOf(CellContent.At(checkpoint, "label") is JsonValue label && label.TryGetValue<string>(out var text) ? text : "");
                if (at >= 0)
                {
                    CellContent.Write(sheet, row, spendingColumn + at, new Field("", "", FieldKind.Percent), CellContent.At(checkpoint, "cumulativePercent"), frameworks);
                }
            }
        }

        return sheet;
    }

    /// <summary>Goals or indicators: one row each, the project's code first.</summary>
    private static SheetWriter Rows(JsonArray projects, string listName, IReadOnlyList<Field> columns, FrameworkCatalog frameworks, ListsSheet lists)
    {
        var sheet = Table(columns);
        for (var c = 0; c < columns.Count; c++)
        {
            if (ListsSheet.For(columns[c].Kind) is { } list)
            {
                var name = Reading.CellPlace.ColumnName(c + 1);
                sheet.List($"{name}2:{name}{TableRows}", list.Formula, list.Strict);
            }
        }

        var row = 2;
        foreach (var project in projects)
        {
            var code = CellContent.At(project, "projectCode");
            foreach (var item in CellContent.At(project, listName) as JsonArray ?? [])
            {
                CellContent.Write(sheet, row, 1, columns[0], code?.DeepClone(), frameworks);
                if (columns.Count == 2)
                {
                    CellContent.Write(sheet, row, 2, columns[1], item, frameworks); // a goal: the row's one value
                }
                else
                {
                    WriteFields(sheet, row, columns.Skip(1), item, frameworks, firstColumn: 2);
                }

                row++;
            }
        }

        return sheet;
    }

    private static SheetWriter Table(IReadOnlyList<Field> columns)
    {
        var sheet = new SheetWriter();
        sheet.Freeze(1);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Column(c + 1, columns[c].Width, CellContent.StyleOf(columns[c].Kind));
            sheet.Text(1, c + 1, columns[c].Label, WorkbookStyles.Header);
        }

        return sheet;
    }

    private static void WriteFields(SheetWriter sheet, int row, IEnumerable<Field> fields, JsonNode? owner, FrameworkCatalog frameworks, int firstColumn = 1)
    {
        var column = firstColumn;
        foreach (var field in fields)
        {
            CellContent.Write(sheet, row, column++, field, CellContent.At(owner, field.Json), frameworks);
        }
    }

    private static string Cell(int row, int column) => Reading.CellPlace.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 23 → 二十三.</summary>
    private static string ChineseOrdinal(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
        };
    }
}
