namespace DocGen.Core.Validation;

/// <summary>
/// Where a submission converted from another format came from (a workbook a clerk filled): the
/// problems found while converting it, reported with the rest, and where each JSON path sits in
/// the original, so that every issue names the place the clerk will look (a sheet and a cell).
/// </summary>
public sealed class SubmissionSource(IReadOnlyList<ValidationIssue> issues, Func<string, SourcePlace?> locate, IReadOnlyList<string>? unreadable = null)
{
    /// <summary>The conversion's own problems (paths into the converted submission where they have one).</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; } = issues;

    /// <summary>Paths whose value could not be taken from the original (reported among <see cref="Issues"/>): no rule reports them again, as missing.</summary>
    public IReadOnlyList<string> Unreadable { get; } = unreadable ?? [];

    /// <summary>The place of a JSON path in the original, or null when it has none.</summary>
    public SourcePlace? Locate(string path) => locate(path);
}
