namespace DocGen.Core.Rules;

/// <summary>One rule of the catalogue: its code, how severe what it finds is, what it checks, and (for an admin's rule) what to do.</summary>
public sealed record Rule(string Code, RuleSeverity Severity, string What)
{
    /// <summary>What to do about it, where the table gives it (the template rules).</summary>
    public string? Fix { get; init; }

    /// <summary>What it means to a clerk and what to do, in Chinese and the workbook's words: the clerk guide's table (every rule a clerk can meet has one).</summary>
    public string? Clerk { get; init; }

    /// <summary>Whether an issue of this rule may be reported as an error (<paramref name="error"/>) or a warning: the catalogue's severity is the one that counts.</summary>
    public bool Allows(bool error) => Severity == RuleSeverity.ErrorOrWarning || (Severity == RuleSeverity.Error) == error;
}
