using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>
/// Applies every rule of SPEC §4 and reports all problems at once. Pure: bytes or model in,
/// report out. The indicator frameworks come from the data files the caller loaded.
/// </summary>
public sealed class SubmissionValidator(FrameworkCatalog frameworks, SubmissionLimits? limits = null)
{
    private readonly SubmissionLimits _limits = limits ?? SubmissionLimits.Default;

    public FrameworkCatalog Frameworks => frameworks;

    public SubmissionLimits Limits => _limits;

    /// <summary>Reads and validates the bytes of a submission file.</summary>
    public SubmissionCheck Check(ReadOnlyMemory<byte> bytes) => Check(bytes, source: null);

    /// <summary>
    /// Reads and validates a submission converted from another format: the conversion's problems
    /// are reported with the rest, and every issue also names its place in the original.
    /// </summary>
    public SubmissionCheck Check(ReadOnlyMemory<byte> bytes, SubmissionSource? source)
    {
        var issues = new IssueCollector();
        foreach (var issue in source?.Issues ?? [])
        {
            issues.Add(issue);
        }

        foreach (var path in source?.Unreadable ?? [])
        {
            issues.MarkBroken(path); // after the conversion's own issues, which are about these paths
        }

        // A source is a workbook a clerk filled: the advice on a value speaks of its cells, not of JSON.
        var submission = SubmissionReader.Read(bytes, _limits, issues, source is null ? SlipWording.Json : SlipWording.Cells);
        if (submission is not null)
        {
            Validate(submission, issues);
        }

        return Result(submission, issues, source);
    }

    /// <summary>The check of a file refused for its size before it was read (D3).</summary>
    public SubmissionCheck TooLarge(long? length)
    {
        var issues = new IssueCollector();
        SubmissionReader.ReportTooLarge(length, _limits, issues);
        return Result(null, issues) with { Unread = true };
    }

    /// <summary>Validates a submission already read (from JSON or another format).</summary>
    public SubmissionCheck Validate(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var issues = new IssueCollector();
        Validate(submission, issues);
        return Result(submission, issues);
    }

    private SubmissionCheck Result(Submission? submission, IssueCollector issues, SubmissionSource? source = null)
    {
        var report = IssueLocator.Name(issues.ToReport(), submission);
        if (source is not null)
        {
            report = new ValidationReport([.. report.Issues.Select(i => i.Source is null && source.Locate(i.Path) is { } place
                ? i with { Location = i.Location is { } named ? $"{place.Location} · {named}" : place.Location, Source = place.Reference }
                : i)]);
        }

        var valid = submission is not null && report.IsValid && frameworks.Find(submission.Framework) is { } framework
            ? new ValidSubmission(submission, framework, report)
            : null;
        return new SubmissionCheck(submission, report, valid) { LooksIncomplete = issues.LooksIncomplete };
    }

    private void Validate(Submission submission, IssueCollector issues)
    {
        EnvelopeRules.Check(submission, frameworks, issues);
        var framework = frameworks.Find(submission.Framework);

        // A kind that could not be read does not hide the content: the parts present are checked.
        var kind = submission.Kind ?? (issues.IsBroken("$.kind") ? KindFromSections(submission) : null);
        if (kind is SubmissionKind.DepartmentOverall or SubmissionKind.Combined)
        {
            DepartmentRules.Check(submission, issues);
        }

        if (kind is SubmissionKind.ProjectGoalTable or SubmissionKind.Combined)
        {
            ProjectRules.Check(submission, issues.IsBroken("$.framework") ? null : framework, issues);
        }
    }

    private static SubmissionKind? KindFromSections(Submission s)
    {
        var part1 = s.OverallGoal is not null || s.ItemizedGoals is not null || s.Safeguards is not null;
        var part2 = s.Projects is not null;
        return (part1, part2) switch
        {
            (true, true) => SubmissionKind.Combined,
            (true, false) => SubmissionKind.DepartmentOverall,
            (false, true) => SubmissionKind.ProjectGoalTable,
            _ => null,
        };
    }
}
