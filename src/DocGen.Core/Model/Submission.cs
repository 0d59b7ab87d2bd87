using System.ComponentModel;
using System.Text.Json.Serialization;

namespace DocGen.Core.Model;

/// <summary>
/// One JSON file = one submission = one Word document (SPEC §3 and §5).
/// Every member is optional at the type level so that a missing value is reported by the
/// rule that owns it (V1, V27, V29, …) together with every other problem, instead of failing
/// deserialisation at the first gap.
/// </summary>
[Description("预算绩效目标申报 (DocGen submission)")]
public sealed record Submission
{
    [Description("JSON Schema 地址（供编辑器补全和检查，可省略） $schema")]
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    [Description("申报类型 kind: departmentOverall 部门整体绩效目标 | projectGoalTable 预算项目绩效目标表 | combined 两者")]
    [RequiredMember]
    public SubmissionKind? Kind { get; init; }

    [Description("模型版本 schemaVersion (当前为 1)")]
    public int? SchemaVersion { get; init; }

    [Description("预算年度 fiscalYear")]
    [RequiredMember]
    public int? FiscalYear { get; init; }

    [Description("指标体系 framework: legacy (默认) | mof2021")]
    public string? Framework { get; init; }

    [Description("单位 unit")]
    [RequiredMember]
    public UnitInfo? Unit { get; init; }

    [Description("一、总体绩效目标 overallGoal")]
    public OverallGoal? OverallGoal { get; init; }

    [Description("二、分项绩效目标 itemizedGoals")]
    public ItemizedGoals? ItemizedGoals { get; init; }

    [Description("三、工作保障措施 safeguards")]
    public Safeguards? Safeguards { get; init; }

    [Description("金额单位 amountUnit (默认 元)")]
    public string? AmountUnit { get; init; }

    [Description("预算项目 projects")]
    public IReadOnlyList<Project>? Projects { get; init; }
}
