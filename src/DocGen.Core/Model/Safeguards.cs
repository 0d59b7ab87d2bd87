using System.ComponentModel;

namespace DocGen.Core.Model;

[Description("三、工作保障措施 safeguards")]
public sealed record Safeguards
{
    [Description("小标题 subtitle (默认 “{简称}实现本年度发展规划目标的保障措施”)")]
    public string? Subtitle { get; init; }

    [Description("分项 items (依次输出为 一是… 二是…)")]
    [RequiredMember]
    public IReadOnlyList<string>? Items { get; init; }
}
