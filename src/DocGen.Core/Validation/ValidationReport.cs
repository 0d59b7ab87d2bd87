using System.Text.Json.Serialization;

namespace DocGen.Core.Validation;

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
