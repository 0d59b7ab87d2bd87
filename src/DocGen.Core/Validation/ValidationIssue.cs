using System.Text.Json.Serialization;

namespace DocGen.Core.Validation;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Blocks the document.</summary>
    Error,

    /// <summary>The document is generated; the warning is reported beside it.</summary>
    Warning,
}

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

/// <summary>Every issue of one submission, errors first, in a stable order.</summary>
public sealed record ValidationReport(IReadOnlyList<ValidationIssue> Issues)
{
    [JsonIgnore]
    public IEnumerable<ValidationIssue> Errors => Issues.Where(static i => i.Severity == Severity.Error);

    [JsonIgnore]
    public IEnumerable<ValidationIssue> Warnings => Issues.Where(static i => i.Severity == Severity.Warning);

    public bool IsValid => !Issues.Any(static i => i.Severity == Severity.Error);

    public int ErrorCount => Issues.Count(static i => i.Severity == Severity.Error);

    public int WarningCount => Issues.Count(static i => i.Severity == Severity.Warning);
}
