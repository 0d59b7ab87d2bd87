using System.Diagnostics;
using DocGen.Core.Validation;
using DocGen.Core.Model;
using DocGen.Worker.Pipeline;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Service.Processing;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service;

/// <summary>
/// The release of a claim's checked submission: run through the <see cref="SubmissionPipeline"/>,
/// then either its report published (<see cref="Rejections"/>), or the document staged, its facts
/// taken, and handed over to the <see cref="PublishStage"/>, which makes its PDF when PDF is on and
/// publishes it once durable.
/// </summary>
public sealed class DocumentRelease(
    TemplateStore templates,
    Publisher publisher,
    PdfOutput pdf,
    PublishStage publishStage,
    DocumentPdf documentPdf,
    Rejections rejections)
{
    /// <summary>Releases the checked <paramref name="input"/>; true when the claim was handed over to the publish stage (which disposes it).</summary>
    public async Task<bool> FinishAsync(Claim claim, FileSnapshot input, SubmissionCheck check, Stopwatch clock, int pdfStops, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(clock);
        var name = Path.GetFileName(input.Path);
        var template = templates.Current ?? throw new InvalidOperationException("No template is loaded.");
        claim.Enter(ClaimStage.Rendering);
        var outcome = SubmissionPipeline.Run(check, template);
        var clerk = SubmissionPipeline.AudienceOf(name) == ReportAudience.Clerk;
        if (outcome is not PipelineOutcome.Generated generated)
        {
            claim.Enter(ClaimStage.Publishing);
            await rejections.RejectAsync(claim, name, outcome.Report, outcome is PipelineOutcome.Refused, clock, clerk ? check.Submission : null, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var staged = publisher.StageDocument(claim, generated.Document.Span);
        var facts = new DocumentFacts(name, Sha256Hex.Of(input.Bytes), Sha256Hex.Of(generated.Document.Span), generated.Document.Length,
            clock.Elapsed.TotalMilliseconds - generated.RenderTime.TotalMilliseconds, generated.RenderTime.TotalMilliseconds,
            ReceiptWarnings.Group(generated.Report.Warnings), generated.Report.WarningCount, check.Converted, template.Name, template.Sha256, DocumentTitle.For(generated.Submission.Submission))
        {
            // A clerk's workbook: its name is the blank's, so the outputs say whose they are, and its
            // warnings arrive beside the document. A program names its files itself and reads the receipt.
            Owner = clerk ? generated.Submission.Submission : null,
            WarningsNote = clerk ? ReportFormatter.ToWarningsNote(generated.Report, name, ReportAudience.Clerk) : null,
        };
        var converters = pdf.Converters;
        var refused = converters is null ? null : documentPdf.WithoutPdf(converters, facts, pdfStops);
        if (converters is not null && refused is null)
        {
            claim.Enter(ClaimStage.AwaitingPdf);
            PdfStops.Keep(claim, pdfStops);
        }

        await publishStage.HandOverAsync(new PublishWork(refused is null ? converters : null, claim, staged, facts, pdfStops, clock, refused), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
