namespace DocGen.Core.Validation;

/// <summary>Accumulates issues so that every problem of a submission is reported at once.</summary>
public sealed class IssueCollector
{
    private readonly List<ValidationIssue> _issues = [];
    private HashSet<string>? _broken;

    public bool HasErrors { get; private set; }

    /// <summary>
    /// The reader found the file empty or its JSON cut short or malformed: what a file still
    /// being written looks like, so a service waits until it stops changing before judging it.
    /// </summary>
    public bool LooksIncomplete { get; private set; }

    /// <summary>Forgets the warnings so far (the file turned out unreadable further on).</summary>
    public void DropWarnings() => _issues.RemoveAll(static i => i.Severity == Severity.Warning);

    /// <summary>Records that the file looks unfinished (see <see cref="LooksIncomplete"/>).</summary>
    public void MarkIncomplete() => LooksIncomplete = true;

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public void Error(string code, string path, string message, string messageEn) => Add(new ValidationIssue(code, Severity.Error, path, message, messageEn));

    public void Warning(string code, string path, string message, string messageEn) => Add(new ValidationIssue(code, Severity.Warning, path, message, messageEn));

    /// <summary>Adds an issue, unless it is about a value already reported as unreadable (a consequence, not a second mistake).</summary>
    public void Add(ValidationIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (IsBroken(issue.Path))
        {
            return;
        }

        HasErrors |= issue.Severity == Severity.Error;
        _issues.Add(issue);
    }

    /// <summary>
    /// The value at <paramref name="path"/> was present but could not be read (reported already):
    /// it counts as absent, and no rule may report on it or anything inside it.
    /// </summary>
    public void MarkBroken(string path) => (_broken ??= new HashSet<string>(StringComparer.Ordinal)).Add(path);

    /// <summary>Whether the member <paramref name="member"/> (<c>.nature</c>) of the value at <paramref name="path"/> could not be read; its path is made only when something could not.</summary>
    public bool IsBroken(string path, string member) => _broken is not null && IsBroken(path + member);

    /// <summary>Whether the value at <paramref name="path"/>, or one that holds it, could not be read.</summary>
    public bool IsBroken(string path)
    {
        if (_broken is null)
        {
            return false;
        }

        for (var end = path.Length; end > 0; end = path.LastIndexOfAny(['.', '['], end - 1))
        {
            if (_broken.Contains(path[..end]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Errors before warnings, each in the order of the places they are about (the model's order, items by index).</summary>
    public ValidationReport ToReport()
        => new([.. _issues.Where(static i => i.Severity == Severity.Error).OrderBy(static i => Json.DocumentOrder.KeyOf(i.Path), Json.DocumentOrder.Keys),
            .. _issues.Where(static i => i.Severity == Severity.Warning).OrderBy(static i => Json.DocumentOrder.KeyOf(i.Path), Json.DocumentOrder.Keys)]);
}
