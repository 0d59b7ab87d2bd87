using System.ComponentModel;
using DocGen.Core.Rules;

namespace DocGen.Core.Model;

[Description("资金支出计划节点 spending checkpoint")]
public sealed record SpendingCheckpoint
{
    [Description("节点 label, 如 “3月底”")]
    [RequiredMember]
    public string? Label { get; init; }

    [Description("累计支出百分比 cumulativePercent (0–100，最多两位小数)")]
    [RequiredMember]
    [ValidationCode(RuleCodes.V9)]
    public decimal? CumulativePercent { get; init; }
}
