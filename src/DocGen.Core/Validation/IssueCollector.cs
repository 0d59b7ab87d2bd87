namespace DocGen.Core.Validation;

/// <summary>Accumulates issues so that every problem of a submission is reported at once.</summary>
public sealed class IssueCollector
{
    private readonly List<ValidationIssue> _issues = [];

    public bool HasErrors { get; private set; }

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public void Error(string code, string path, string message, string messageEn, int? line = null, int? column = null)
    {
        HasErrors = true;
        _issues.Add(new ValidationIssue(code, Severity.Error, path, message, messageEn) { Line = line, Column = column });
    }

    public void Warning(string code, string path, string message, string messageEn)
        => _issues.Add(new ValidationIssue(code, Severity.Warning, path, message, messageEn));

    /// <summary>Errors before warnings; otherwise the order in which rules found them (document order).</summary>
    public ValidationReport ToReport()
        => new([.. _issues.Where(static i => i.Severity == Severity.Error), .. _issues.Where(static i => i.Severity == Severity.Warning)]);
}
