using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>
/// A submission read and checked: what could be read of it (null when nothing could), the report,
/// and — only when there is no error — the submission typed as valid, with its framework.
/// </summary>
public sealed record SubmissionCheck(Submission? Submission, ValidationReport Report, ValidSubmission? Valid)
{
    /// <summary>True when the document can be generated (warnings allowed).</summary>
    public bool IsValid => Valid is not null;

    /// <summary>The bytes look like a file still being written (empty, or JSON cut short): judge it again once it stops changing.</summary>
    public bool LooksIncomplete { get; init; }
}
