using System.ComponentModel;

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
