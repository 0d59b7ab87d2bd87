using System.ComponentModel;
using DocGen.Core.Rules;

namespace DocGen.Core.Model;

[Description("预算规模 budget (金额为字符串或数字，最多两位小数)")]
public sealed record Budget
{
    [Description("预算数 total")]
    [RequiredMember]
    [ValidationCode(RuleCodes.V6)]
    public decimal? Total { get; init; }

    [Description("其中：财政资金 fiscal")]
    [RequiredMember]
    [ValidationCode(RuleCodes.V6)]
    public decimal? Fiscal { get; init; }

    [Description("其他资金 other (缺省为 0.00)")]
    [ValidationCode(RuleCodes.V6)]
    public decimal? Other { get; init; }
}
