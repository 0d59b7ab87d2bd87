namespace DocGen.Core.Rules;

/// <summary>One rule of the catalogue: its code, how severe what it finds is, what it checks, and (for an admin's rule) what to do.</summary>
public sealed record Rule(string Code, RuleSeverity Severity, string What)
{
    /// <summary>What to do about it, where the table gives it (the template rules).</summary>
    public string? Fix { get; init; }
}
