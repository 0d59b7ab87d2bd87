using DocGen.Core.Validation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Pipeline;
using DocGen.Worker.IO;

namespace DocGen.Worker.Pipeline;

/// <summary>
/// The one way from an entry's bytes to its outcome, taken by the inbox service, the CLI, the
/// service's warm-up (through the service) and the benchmark alike: <see cref="Probe"/> what its
/// name and its reading tell, <see cref="Check"/> it (what reading found — a link, a FIFO, a file
/// too big —, its format, validation), then <see cref="Run"/> the check into a compiled template.
/// A new kind of submission is one more format here, not a branch in its callers. Around it the
/// service keeps claims and publishing, the CLI its arguments and files.
/// </summary>
public sealed class SubmissionPipeline(SubmissionValidator validator)
{
    public SubmissionValidator Validator => validator;

    /// <summary>What an entry's name and its reading tell before it is checked.</summary>
    public static EntryProbe Probe(string name, SafeRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new EntryProbe(name, read);
    }

    /// <summary>Who reads the report of an entry by this name: a clerk for any spreadsheet (Chinese only, in cells), an integrator for JSON (bilingual, with paths).</summary>
    public static ReportAudience AudienceOf(string name) => SubmissionFormats.AudienceOf(name);

    /// <summary>Reads and checks an entry by its name's format; an entry refused unread gets its report.</summary>
    public SubmissionCheck Check(string name, SafeRead read)
        => IntakeRefusal.For(read, validator) ?? SubmissionFormats.Check(name, read.Bytes!, validator);

    /// <summary>The outcome of a checked entry; never throws for bad input or a template that cannot be filled.</summary>
    public static PipelineOutcome Run(SubmissionCheck check, CompiledTemplate template)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Valid is not { } valid)
        {
            return check.Unread ? new PipelineOutcome.Refused(check) : new PipelineOutcome.Rejected(check);
        }

        return DocumentGenerator.Render(valid, template) switch
        {
            Generated generated => new PipelineOutcome.Generated(check, valid, generated.Document, generated.RenderTime),
            var failed => new PipelineOutcome.TemplateFailed(check, failed.Report, failed.RenderTime),
        };
    }
}
