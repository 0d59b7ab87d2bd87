using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>A submission read and checked: the model (null when it could not be read) and the report.</summary>
public sealed record SubmissionCheck(Submission? Submission, ValidationReport Report)
{
    /// <summary>True when the document can be generated (warnings allowed).</summary>
    public bool IsValid => Submission is not null && Report.IsValid;
}

/// <summary>
/// Applies every rule of SPEC §4 and reports all problems at once. Pure: bytes or model in,
/// report out. The indicator frameworks come from the data files the caller loaded.
/// </summary>
public sealed class SubmissionValidator(FrameworkCatalog frameworks, SubmissionLimits? limits = null)
{
    private readonly SubmissionLimits _limits = limits ?? SubmissionLimits.Default;

    public FrameworkCatalog Frameworks => frameworks;

    /// <summary>Reads and validates the bytes of a submission file.</summary>
    public SubmissionCheck Check(ReadOnlyMemory<byte> bytes)
    {
        var issues = new IssueCollector();
        var submission = SubmissionReader.Read(bytes, _limits, issues);
        if (submission is not null)
        {
            Validate(submission, issues);
        }

        return new SubmissionCheck(submission, issues.ToReport());
    }

    /// <summary>
    /// Reads and validates a submission from a stream, reading no more than the size limit
    /// allows, so a huge file is refused without being loaded.
    /// </summary>
    public async Task<SubmissionCheck> CheckAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var limit = _limits.MaxFileBytes;
        if (stream.CanSeek && stream.Length - stream.Position > limit)
        {
            return TooLarge(stream.Length - stream.Position);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return TooLarge(null);
            }
        }

        return Check(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private SubmissionCheck TooLarge(long? length)
    {
        var issues = new IssueCollector();
        SubmissionReader.ReportTooLarge(length, _limits, issues);
        return new SubmissionCheck(null, issues.ToReport());
    }

    public ValidationReport Validate(Submission submission)
    {
        var issues = new IssueCollector();
        Validate(submission, issues);
        return issues.ToReport();
    }

    private void Validate(Submission submission, IssueCollector issues)
    {
        EnvelopeRules.Check(submission, frameworks, issues);
        var framework = frameworks.Find(submission.Framework);
        if (submission.Kind is SubmissionKind.DepartmentOverall or SubmissionKind.Combined)
        {
            DepartmentRules.Check(submission, issues);
        }

        if (submission.Kind is SubmissionKind.ProjectGoalTable or SubmissionKind.Combined)
        {
            ProjectRules.Check(submission, framework, issues);
        }
    }
}
