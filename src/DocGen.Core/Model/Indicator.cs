using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using DocGen.Core.Rules;

namespace DocGen.Core.Model;

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
    [ValidationCode(RuleCodes.V17)]
    public decimal? Value { get; init; }

    [Description("计量单位 unit, 如 “%” “个” “元”")]
    public string? Unit { get; init; }

    [Description("定性指标的指标值，或定量指标的完整显示文本 valueText")]
    public string? ValueText { get; init; }

    [Description("指标值确定依据 basis")]
    public string? Basis { get; init; }
}
