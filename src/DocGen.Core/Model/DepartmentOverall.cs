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

[Description("绩效标准 grading")]
public sealed record Grading
{
    /// <summary>The seed's bands (SPEC §1.3 item 1), used when the submission gives none.</summary>
    public const decimal DefaultExcellent = 90m;
    public const decimal DefaultGood = 80m;
    public const decimal DefaultFair = 70m;

    [Description("优 excellent: 完成数占计划数达到该百分比以上 (默认 90)")]
    [ValidationCode("V23")]
    public decimal? Excellent { get; init; }

    [Description("良 good (默认 80)")]
    [ValidationCode("V23")]
    public decimal? Good { get; init; }

    [Description("中 fair (默认 70)")]
    [ValidationCode("V23")]
    public decimal? Fair { get; init; }

    [Description("原文 verbatimText: 不按数字生成，照此原文输出 (会与数字核对)")]
    public string? VerbatimText { get; init; }
}

[Description("三、工作保障措施 safeguards")]
public sealed record Safeguards
{
    [Description("小标题 subtitle (默认 “{简称}实现本年度发展规划目标的保障措施”)")]
    public string? Subtitle { get; init; }

    [Description("分项 items (依次输出为 一是… 二是…)")]
    [RequiredMember]
    public IReadOnlyList<string>? Items { get; init; }
}
