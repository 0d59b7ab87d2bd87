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

    /// <summary>The submission as JSON, when it was converted from another format (a workbook): archived beside the original.</summary>
    public byte[]? Converted { get; init; }

    /// <summary>Refused before its content was read (not a file one may read, too large, a format DocGen does not take): counted apart from a submission rejected for what it says.</summary>
    public bool Unread { get; init; }

    /// <summary>A file refused before its content was read (it is not a file one may read): one error for the whole file.</summary>
    public static SubmissionCheck Refused(string code, string message, string messageEn)
        => new(null, new ValidationReport([new ValidationIssue(code, Severity.Error, Json.JsonPath.Root, message, messageEn)]), null) { Unread = true };
}
