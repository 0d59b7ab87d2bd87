namespace DocGen.Core.Validation;

/// <summary>Accumulates issues so that every problem of a submission is reported at once.</summary>
public sealed class IssueCollector
{
    private readonly List<ValidationIssue> _issues = [];

    public bool HasErrors { get; private set; }

    /// <summary>
    /// The reader found the file empty or its JSON cut short or malformed: what a file still
    /// being written looks like, so a service waits until it stops changing before judging it.
    /// </summary>
    public bool LooksIncomplete { get; private set; }

    /// <summary>Records that the file looks unfinished (see <see cref="LooksIncomplete"/>).</summary>
    public void MarkIncomplete() => LooksIncomplete = true;

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
