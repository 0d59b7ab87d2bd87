namespace DocGen.Core.Validation;

/// <summary>A validation report as programs read it (<c>docgen validate --json</c>, <c>.errors.json</c>).</summary>
internal sealed record JsonReport(string File, bool Valid, int ErrorCount, int WarningCount, IReadOnlyList<ValidationIssue> Issues);
