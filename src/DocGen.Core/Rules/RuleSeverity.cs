namespace DocGen.Core.Rules;

/// <summary>What a rule reports: errors, warnings, or either (an error, or a warning for a milder case).</summary>
public enum RuleSeverity
{
    Error,
    Warning,
    ErrorOrWarning,
}
