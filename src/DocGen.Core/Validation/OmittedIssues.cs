namespace DocGen.Core.Validation;

/// <summary>Issues of one rule and severity a report counts without listing them (past its per-rule or size bound).</summary>
public sealed record OmittedIssues(string Code, Severity Severity, int Count);
