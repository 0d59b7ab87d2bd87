using DocGen.Core.Frameworks;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>
/// A submission that passed every rule (warnings allowed), with the indicator framework it names
/// already resolved: only <see cref="SubmissionValidator"/> creates one, so whatever takes it
/// (the model mapper, the renderer) need not check again.
/// </summary>
public sealed record ValidSubmission
{
    internal ValidSubmission(Submission submission, IndicatorFramework framework, ValidationReport report)
    {
        Submission = submission;
        Framework = framework;
        Report = report;
    }

    public Submission Submission { get; }

    public IndicatorFramework Framework { get; }

    /// <summary>The report of the check: warnings only.</summary>
    public ValidationReport Report { get; }

    /// <summary>Present by V1 on a valid submission.</summary>
    public SubmissionKind Kind => Submission.Kind!.Value;
}
