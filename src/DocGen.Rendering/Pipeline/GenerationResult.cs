using DocGen.Core.Validation;

namespace DocGen.Rendering.Pipeline;

/// <summary>
/// How one submission ended here (rendering by <see cref="DocumentGenerator"/>; the Worker's <c>SubmissionPipeline</c> turns it into
/// its own outcome, which adds an entry refused unread): generated, rejected for its content, or valid but impossible to fill
/// into the template. The three cases are one closed set, kept in one file.
/// </summary>
public abstract record GenerationResult(ValidationReport Report)
{
    /// <summary>Reading and validating, then rendering.</summary>
    public TimeSpan ReadTime { get; init; }

    public TimeSpan RenderTime { get; init; }
}

/// <summary>The document was generated; <see cref="GenerationResult.Report"/> holds its warnings.</summary>
public sealed record Generated(ValidSubmission Submission, ReadOnlyMemory<byte> Document) : GenerationResult(Submission.Report);

/// <summary>The submission has errors (the report says which); nothing was generated.</summary>
public sealed record Rejected(ValidationReport Errors) : GenerationResult(Errors);

/// <summary>
/// The submission is valid but the template could not be filled with it (a field the template
/// expects that this data lacks): reported as T9 so the submission still ends, with a report.
/// </summary>
public sealed record TemplateFailed(ValidationReport Failure) : GenerationResult(Failure);
