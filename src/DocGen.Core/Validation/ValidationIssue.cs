using System.Text.Json.Serialization;

namespace DocGen.Core.Validation;

/// <summary>
/// One problem of a submission: where (JSON path, and line/column for syntax errors), which rule
/// (V1…V29 from SPEC §4, D1…D9 for the document itself), and what, in Chinese first.
/// </summary>
public sealed record ValidationIssue(
    string Code,
    Severity Severity,
    string Path,
    string Message,
    string MessageEn)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Line { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Column { get; init; }
}
