using System.ComponentModel;

namespace DocGen.Core.Model;

[Description("一、总体绩效目标 overallGoal")]
public sealed record OverallGoal
{
    [Description("小标题 subtitle (默认 “{简称}部门年度规划目标”)")]
    public string? Subtitle { get; init; }

    [Description("导语 intro")]
    [RequiredMember]
    public string? Intro { get; init; }

    [Description("分项 items (依次输出为 一是… 二是…)")]
    [RequiredMember]
    public IReadOnlyList<string>? Items { get; init; }
}
