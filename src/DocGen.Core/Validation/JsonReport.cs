using System.Text.Json.Serialization;

namespace DocGen.Core.Validation;

/// <summary>A validation report as programs read it (<c>docgen validate --json</c>, <c>.errors.json</c>).</summary>
internal sealed record JsonReport(string File, bool Valid, int ErrorCount, int WarningCount, IReadOnlyList<ValidationIssue> Issues)
{
    /// <summary>Issues counted but not listed, by rule and severity (the report's bounds); absent when every issue is listed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OmittedIssues>? Omitted { get; init; }

    /// <summary>The service's claim that wrote the report (a restart finishing its publishing checks it is its own); absent from the CLI's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Claim { get; init; }
}
