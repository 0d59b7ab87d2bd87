using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace DocGen.Core.Model;

[Description("预算项目 project")]
public sealed record Project
{
    [Description("序号 seq (标题 “{seq}.{项目名称}绩效目标表”；缺省为顺序号)")]
    public int? Seq { get; init; }

    [Description("项目编码 projectCode")]
    [RequiredMember]
    public string? ProjectCode { get; init; }

    [Description("项目名称 projectName")]
    [RequiredMember]
    public string? ProjectName { get; init; }

    [Description("预算规模 budget")]
    [RequiredMember]
    public Budget? Budget { get; init; }

    [Description("资金用途 fundPurpose")]
    public string? FundPurpose { get; init; }

    [Description("资金支出计划（%） spendingPlan: 累计百分比")]
    [RequiredMember]
    public IReadOnlyList<SpendingCheckpoint>? SpendingPlan { get; init; }

    [Description("绩效目标 goals (依次编号 1. 2. …)")]
    [RequiredMember]
    public IReadOnlyList<string>? Goals { get; init; }

    [Description("绩效指标 indicators")]
    [RequiredMember]
    public IReadOnlyList<Indicator>? Indicators { get; init; }
}

[Description("预算规模 budget (金额为字符串或数字，最多两位小数)")]
public sealed record Budget
{
    [Description("预算数 total")]
    [RequiredMember]
    [ValidationCode("V6")]
    public decimal? Total { get; init; }

    [Description("其中：财政资金 fiscal")]
    [RequiredMember]
    [ValidationCode("V6")]
    public decimal? Fiscal { get; init; }

    [Description("其他资金 other (缺省为 0.00)")]
    [ValidationCode("V6")]
    public decimal? Other { get; init; }
}

[Description("资金支出计划节点 spending checkpoint")]
public sealed record SpendingCheckpoint
{
    [Description("节点 label, 如 “3月底”")]
    [RequiredMember]
    public string? Label { get; init; }

    [Description("累计支出百分比 cumulativePercent (0–100，最多两位小数)")]
    [RequiredMember]
    [ValidationCode("V9")]
    public decimal? CumulativePercent { get; init; }
}

[Description("绩效指标 indicator")]
public sealed record Indicator
{
    [Description("一级指标 level1")]
    [RequiredMember]
    public string? Level1 { get; init; }

    [Description("二级指标 level2")]
    [RequiredMember]
    public string? Level2 { get; init; }

    [Description("三级指标 name")]
    [RequiredMember]
    public string? Name { get; init; }

    [Description("绩效指标描述 description")]
    public string? Description { get; init; }

    [Description("指标性质 nature: quantitative 定量 (默认) | qualitative 定性")]
    public IndicatorNature? Nature { get; init; }

    [Description("计算符号 comparator: ≥ ≤ ＝ ＞ ＜ (也接受 >= <= = > <)")]
    [AllowedValues(Comparators.GreaterOrEqual, Comparators.LessOrEqual, Comparators.EqualTo, Comparators.GreaterThan, Comparators.LessThan,
        ">=", "<=", "=", ">", "<", null)]
    public string? Comparator { get; init; }

    [Description("指标值 value (定量: 数字)")]
    [ValidationCode("V17")]
    public decimal? Value { get; init; }

    [Description("计量单位 unit, 如 “%” “个” “元”")]
    public string? Unit { get; init; }

    [Description("定性指标的指标值，或定量指标的完整显示文本 valueText")]
    public string? ValueText { get; init; }

    [Description("指标值确定依据 basis")]
    public string? Basis { get; init; }
}

/// <summary>定量 / 定性.</summary>
public enum IndicatorNature
{
    Quantitative,
    Qualitative,
}

/// <summary>
/// Which rule code a value that cannot be read as its type is reported under
/// (an amount that is not a number is a V6 problem, not a generic type error).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidationCodeAttribute(string code) : Attribute
{
    public string Code { get; } = code;
}
