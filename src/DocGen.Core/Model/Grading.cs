using System.ComponentModel;
using DocGen.Core.Rules;

namespace DocGen.Core.Model;

[Description("绩效标准 grading")]
public sealed record Grading
{
    /// <summary>The seed's bands (SPEC §1.3 item 1), used when the submission gives none.</summary>
    public const decimal DefaultExcellent = 90m;
    public const decimal DefaultGood = 80m;
    public const decimal DefaultFair = 70m;

    [Description("优 excellent: 完成数占计划数达到该百分比以上 (默认 90)")]
    [ValidationCode(RuleCodes.V23)]
    public decimal? Excellent { get; init; }

    [Description("良 good (默认 80)")]
    [ValidationCode(RuleCodes.V23)]
    public decimal? Good { get; init; }

    [Description("中 fair (默认 70)")]
    [ValidationCode(RuleCodes.V23)]
    public decimal? Fair { get; init; }

    [Description("原文 verbatimText: 不按数字生成，照此原文输出 (会与数字核对)")]
    public string? VerbatimText { get; init; }
}
