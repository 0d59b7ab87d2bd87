using System.Diagnostics;
using DocGen.Core.Validation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Pipeline;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Intake;

namespace DocGen.Worker.Pipeline;

/// <summary>
/// The one way from a submission to its document or its report, taken by the inbox service, the
/// CLI, the service's warm-up and the benchmark alike: what reading the entry found (an entry
/// refused unread: a link, a FIFO, a file too big), its format (JSON, a workbook, the
/// spreadsheet formats refused with a report), validation, then rendering into a compiled
/// template. Around it the service keeps only claims and publishing, the CLI arguments and files.
/// </summary>
public sealed class SubmissionPipeline(SubmissionValidator validator)
{
    public SubmissionValidator Validator => validator;

    /// <summary>Reads and checks an entry by its name's format; an entry refused unread gets its report.</summary>
    public SubmissionCheck Check(string name, SafeRead read)
        => IntakeRefusal.For(read, validator) ?? SubmissionFormats.Check(name, read.Bytes!, validator);

    /// <summary>The document of a checked submission, or its report; never throws for bad input or a template that cannot be filled.</summary>
    public static GenerationResult Generate(SubmissionCheck check, CompiledTemplate template)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Valid is { } valid ? DocumentGenerator.Render(valid, template) : new Rejected(check.Report);
    }

    /// <summary>Both steps, timed: an entry's document or its report.</summary>
    public GenerationResult Generate(string name, SafeRead read, CompiledTemplate template)
    {
        var clock = Stopwatch.StartNew();
        var check = Check(name, read);
        var readTime = clock.Elapsed;
        return Generate(check, template) with { ReadTime = readTime };
    }
}
