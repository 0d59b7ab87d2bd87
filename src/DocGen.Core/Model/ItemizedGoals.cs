using System.ComponentModel;

namespace DocGen.Core.Model;

[Description("二、分项绩效目标 itemizedGoals")]
public sealed record ItemizedGoals
{
    [Description("小标题 subtitle (默认 “{简称}职责分类绩效目标情况说明”)")]
    public string? Subtitle { get; init; }

    [Description("主要职责是… mainDuties")]
    [RequiredMember]
    public string? MainDuties { get; init; }

    [Description("职责目标是… dutyGoals")]
    [RequiredMember]
    public string? DutyGoals { get; init; }

    [Description("绩效目标是… performanceGoals")]
    [RequiredMember]
    public string? PerformanceGoals { get; init; }

    [Description("绩效指标是 A、B、… indicatorNames")]
    public IReadOnlyList<string>? IndicatorNames { get; init; }

    [Description("绩效标准 grading (默认 90/80/70)")]
    public Grading? Grading { get; init; }
}
