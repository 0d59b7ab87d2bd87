using DocGen.Core.Validation;

namespace DocGen.Worker.Pipeline;

/// <summary>
/// How a submission ended in the <see cref="SubmissionPipeline"/>: refused unread, rejected for what
/// it says, generated, or valid but impossible to fill into the template (T9). The four cases are
/// nested here and nothing else derives from it (its constructor is private); each has its report
/// and the check it came from.
/// </summary>
public abstract class PipelineOutcome
{
    private PipelineOutcome(SubmissionCheck check, ValidationReport report, TimeSpan renderTime)
    {
        Check = check;
        Report = report;
        RenderTime = renderTime;
    }

    /// <summary>What reading and checking found: the submission as far as it could be read, a workbook's converted JSON.</summary>
    public SubmissionCheck Check { get; }

    /// <summary>The errors, or for a generated document its warnings.</summary>
    public ValidationReport Report { get; }

    /// <summary>Time spent rendering; zero when nothing was rendered.</summary>
    public TimeSpan RenderTime { get; }

    /// <summary>Refused before its content was read: not a file one may read, too large, or a format DocGen does not take.</summary>
    public sealed class Refused : PipelineOutcome
    {
        internal Refused(SubmissionCheck check)
            : base(check, check.Report, TimeSpan.Zero)
        {
        }
    }

    /// <summary>Read and found to have errors; nothing was rendered.</summary>
    public sealed class Rejected : PipelineOutcome
    {
        internal Rejected(SubmissionCheck check)
            : base(check, check.Report, TimeSpan.Zero)
        {
        }
    }

    /// <summary>The document was generated; <see cref="Report"/> holds the warnings.</summary>
    public sealed class Generated : PipelineOutcome
    {
        internal Generated(SubmissionCheck check, ValidSubmission submission, ReadOnlyMemory<byte> document, TimeSpan renderTime)
            : base(check, submission.Report, renderTime)
        {
            Submission = submission;
            Document = document;
        }

        /// <summary>The submission the document was made from, checked.</summary>
        public ValidSubmission Submission { get; }

        /// <summary>The .docx bytes.</summary>
        public ReadOnlyMemory<byte> Document { get; }
    }

    /// <summary>Valid, but the template could not be filled with it (T9): the submission still ends, with a report.</summary>
    public sealed class TemplateFailed : PipelineOutcome
    {
        internal TemplateFailed(SubmissionCheck check, ValidationReport failure, TimeSpan renderTime)
            : base(check, failure, renderTime)
        {
        }
    }
}
