namespace DocGen.Workbooks.Layout;

/// <summary>
/// The workbook a clerk fills, in one place for the writer and the reader: its sheets, their rows
/// and columns, and what each becomes in the submission. The reader finds rows and columns by
/// their labels, not by position, so a clerk may insert rows and reorder or add columns.
/// </summary>
public static class WorkbookLayout
{
    public const string InstructionsSheet = "填写说明";
    public const string InfoSheet = "基本信息";
    public const string Part1Sheet = "部门整体绩效目标";
    public const string ProjectsSheet = "预算项目";
    public const string GoalsSheet = "项目绩效目标";
    public const string IndicatorsSheet = "绩效指标";
    public const string ListsSheet = "下拉选项";

    /// <summary>The header of the lists sheet's column that names the one framework the workbook's drop-downs come from.</summary>
    public const string FrameworkListHeader = "指标体系";

    /// <summary>The header of the label sheets' value column.</summary>
    public const string ValueHeader = "填写内容";

    /// <summary>The header of the label sheets' label column.</summary>
    public const string LabelHeader = "栏目";

    /// <summary>The column that ties a goal or an indicator row to its project.</summary>
    public const string ProjectCodeHeader = "项目编码";

    /// <summary>A spending-plan column: the checkpoint's label followed by this (3月底累计支出比例).</summary>
    public const string SpendingSuffix = "累计支出比例";

    /// <summary>The checkpoints of a blank workbook: the quarter-ends.</summary>
    public static readonly IReadOnlyList<string> DefaultCheckpoints = ["3月底", "6月底", "9月底", "12月底"];

    /// <summary>
    /// Checkpoint labels in calendar order (3月底 before 10月底), each once; labels that name no
    /// month keep their order after them, for the validator to report. Both the writer's columns
    /// and the reader's plan follow it, so a submission mixing projects' months survives its workbook.
    /// </summary>
    public static IReadOnlyList<string> InCalendarOrder(IEnumerable<string> labels)
        => [.. labels.Distinct(StringComparer.Ordinal).Select(static (label, index) => (label, index)).OrderBy(static c => MonthOf(c.label) ?? 13).ThenBy(static c => c.index).Select(static c => c.label)];

    /// <summary>The month of a “N月底” label, or null.</summary>
    public static int? MonthOf(string label)
        => label.EndsWith("月底", StringComparison.Ordinal) && int.TryParse(label.AsSpan(0, label.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? month
            : null;

    public static readonly LabelledSection Info = new(null, "",
    [
        new("申报类型", "kind", FieldKind.Kind, Hint: "部门整体绩效目标 / 预算项目绩效目标表 / 两者都有"),
        new("预算年度", "fiscalYear", FieldKind.Whole, Hint: "如 2025"),
        new("指标体系", "framework", FieldKind.Framework, Hint: "一级、二级指标的分类。本表按它生成，下拉列表来自它；需要其他指标体系时，请向管理员索取按它生成的申报表"),
        new("单位编码", "unit.code", FieldKind.Code, Hint: "通常 6 位数字"),
        new("单位名称", "unit.name", FieldKind.Text),
        new("单位简称", "unit.shortName", FieldKind.Text, Hint: "用于小标题和结果文件的名称，可不填（不填时文件名用单位编码）"),
        new("金额单位", "amountUnit", FieldKind.AmountUnit, Hint: "元 或 万元，默认 元"),
    ]);

    public static readonly IReadOnlyList<LabelledSection> Part1 =
    [
        new("一、总体绩效目标", "overallGoal",
        [
            new("小标题", "subtitle", FieldKind.Text, Hint: "可不填：默认“{单位简称}部门年度规划目标”"),
            new("导语", "intro", FieldKind.Text),
        ], Items: "items"),
        new("二、分项绩效目标", "itemizedGoals",
        [
            new("小标题", "subtitle", FieldKind.Text, Hint: "可不填：默认“{单位简称}职责分类绩效目标情况说明”"),
            new("主要职责", "mainDuties", FieldKind.Text, Hint: "“主要职责是”之后的内容"),
            new("职责目标", "dutyGoals", FieldKind.Text, Hint: "“职责目标是”之后的内容"),
            new("绩效目标", "performanceGoals", FieldKind.Text, Hint: "“绩效目标是”之后的内容"),
            new("绩效指标", "indicatorNames", FieldKind.List, Hint: "指标名称，用顿号“、”分隔"),
            new("绩效标准（优，%）", "grading.excellent", FieldKind.Number, Hint: "默认 90"),
            new("绩效标准（良，%）", "grading.good", FieldKind.Number, Hint: "默认 80"),
            new("绩效标准（中，%）", "grading.fair", FieldKind.Number, Hint: "默认 70"),
            new("绩效标准原文", "grading.verbatimText", FieldKind.Text, Hint: "可不填：按上面三个数字生成"),
        ]),
        new("三、工作保障措施", "safeguards",
        [
            new("小标题", "subtitle", FieldKind.Text, Hint: "可不填：默认“{单位简称}实现本年度发展规划目标的保障措施”"),
        ], Items: "items"),
    ];

    public static readonly IReadOnlyList<Field> ProjectColumns =
    [
        new("序号", "seq", FieldKind.Whole, 6),
        new(ProjectCodeHeader, "projectCode", FieldKind.Code, 26),
        new("项目名称", "projectName", FieldKind.Text, 24),
        new("预算数", "budget.total", FieldKind.Amount, 16),
        new("其中：财政资金", "budget.fiscal", FieldKind.Amount, 16),
        new("其他资金", "budget.other", FieldKind.Amount, 14),
        new("资金用途", "fundPurpose", FieldKind.Text, 40),
    ];

    public static readonly IReadOnlyList<Field> GoalColumns =
    [
        new(ProjectCodeHeader, "", FieldKind.Code, 26),
        new("绩效目标", "", FieldKind.Text, 80, "每行一条，不用编号（文档自动编号）"),
    ];

    public static readonly IReadOnlyList<Field> IndicatorColumns =
    [
        new(ProjectCodeHeader, "", FieldKind.Code, 26),
        new("一级指标", "level1", FieldKind.Level1, 14),
        new("二级指标", "level2", FieldKind.Level2, 16),
        new("三级指标", "name", FieldKind.Text, 22),
        new("绩效指标描述", "description", FieldKind.Text, 32),
        new("指标性质", "nature", FieldKind.Nature, 10),
        new("计算符号", "comparator", FieldKind.Comparator, 10),
        new("指标值", "value", FieldKind.Number, 10),
        new("计量单位", "unit", FieldKind.Unit, 10),
        new("指标值（文字）", "valueText", FieldKind.Text, 18, "定性指标填写，如“好”“有所提升”"),
        new("指标值确定依据", "basis", FieldKind.Text, 32),
    ];

    /// <summary>The Chinese names of the kinds, as the drop-down shows them.</summary>
    public static readonly IReadOnlyList<(string Chinese, string Json)> Kinds =
    [
        ("部门整体绩效目标", "departmentOverall"),
        ("预算项目绩效目标表", "projectGoalTable"),
        ("两者都有", "combined"),
    ];

    public static readonly IReadOnlyList<(string Chinese, string Json)> Natures = [("定量", "quantitative"), ("定性", "qualitative")];

    public static readonly IReadOnlyList<string> ComparatorChoices = ["≥", "≤", "＝", "＞", "＜"];

    public static readonly IReadOnlyList<string> AmountUnits = ["元", "万元"];

    /// <summary>Units offered in the drop-down when the framework file lists none (its <c>units</c>); others may be typed.</summary>
    public static readonly IReadOnlyList<string> CommonUnits = ["%", "个", "项", "次", "人", "人次", "场", "期", "篇", "份", "家", "户", "元", "万元", "天", "日", "月", "年", "小时", "分", "平方米", "公里", "台", "套", "件"];
}
