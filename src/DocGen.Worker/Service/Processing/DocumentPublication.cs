using System.Diagnostics;
using System.Text.Json;
using DocGen.Worker.Pdf;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Service.Status;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// Publishes a generated document: a stem reserved, its receipt made complete for it, both
/// published (<see cref="Publisher"/>), then the log and the status pages told. A PDF deferred for
/// the environment is left to <see cref="PendingPdfs"/> with a copy of the document.
/// </summary>
/// <param name="logger">The release's: its lines keep their category.</param>
public sealed class DocumentPublication(Publisher publisher, ServiceStatus status, TimeProvider time, ILogger<DocumentRelease> logger)
{
    /// <summary>Publishes the staged document, with its PDF when <paramref name="conversion"/> made one; logs and shows it once it is durable.</summary>
    public async Task PublishAsync(Claim claim, DocumentFacts facts, PdfConversion? conversion, Stopwatch clock, CancellationToken cancellationToken)
    {
        claim.Enter(ClaimStage.Publishing);
        var pending = conversion is { Deferred: true } ? new PendingPdfNote(facts.DocumentSha256, facts.Title, time.GetUtcNow()) : null;
        var reservation = publisher.ReserveDocument(claim, facts.InputName, conversion?.Succeeded == true, facts.Converted, pending, facts.WarningsNote, facts.Owner);
        var output = await publisher.PublishDocumentAsync(reservation, ReceiptFor(reservation, facts, conversion, clock), cancellationToken).ConfigureAwait(false);
        var pdfNote = conversion is null ? "" : conversion.Succeeded ? " and its PDF" : pending is not null ? " (its PDF pending)" : " WITHOUT its PDF";
        logger.Processed(facts.InputName, "generated", clock.Elapsed.TotalMilliseconds, output, pdfNote, facts.WarningCount);
        status.Published(facts.InputName, publisher.RelativePath(output), clock.Elapsed, facts.WarningsNote);
    }

    /// <summary>The receipt of a reserved document, complete: it names the reservation's paths and, with a PDF made, its hash.</summary>
    private byte[] ReceiptFor(DocumentReservation reservation, DocumentFacts facts, PdfConversion? conversion, Stopwatch clock)
        => JsonSerializer.SerializeToUtf8Bytes(new Receipt(
            facts.InputName,
            reservation.Claim.Id,
            facts.InputSha256,
            reservation.Output,
            facts.DocumentSha256,
            facts.Template,
            facts.TemplateSha256,
            time.GetUtcNow(),
            new ReceiptTimings(facts.ReadAndValidateMs, facts.RenderMs, clock.Elapsed.TotalMilliseconds),
            facts.Warnings,
            conversion is null ? null : PdfReceipt(reservation, conversion),
            facts.Converted is null ? null : reservation.Converted), ServiceJson.Options);

    private static ReceiptPdf PdfReceipt(DocumentReservation reservation, PdfConversion conversion) => conversion.Succeeded
        ? new ReceiptPdf(reservation.Pdf, Sha256Hex.OfFile(Publisher.StagedPdfPath(reservation.Claim)), conversion.Milliseconds, conversion.Attempts, null)
        : new ReceiptPdf(null, null, conversion.Milliseconds, conversion.Attempts, conversion.Error) { Pending = conversion.Deferred ? true : null };
}
