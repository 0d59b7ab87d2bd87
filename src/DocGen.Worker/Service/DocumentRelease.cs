using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocGen.Worker.IO;
using DocGen.Worker.Pdf;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Service.Status;
using Microsoft.Extensions.Logging;

namespace DocGen.Worker.Service;

/// <summary>
/// The last steps of a generated document: its PDF when that is on (or why it has none), then
/// publishing it with its receipt. A conversion interrupted by a stop or a kill of DocGen is
/// counted in the claim, so that a document is not converted for ever.
/// </summary>
public sealed class DocumentRelease(Publisher publisher, ServiceStatus status, TimeProvider time, ILogger<DocumentRelease> logger)
{
    /// <summary>In a claim while its PDF is being made; it holds how many conversions of it were interrupted, this one included.</summary>
    private const string PdfPending = ".docgen-pdf-pending";

    /// <summary>Conversions of one document interrupted by a stop or a kill before it is published without its PDF rather than converted for ever.</summary>
    private const int MaxPdfStops = 2;

    /// <summary>How many conversions of the claim's document were interrupted (read before its staged files are cleared).</summary>
    public static int PdfStops(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var found = SafeFile.Read(claim.Staged(PdfPending), maxBytes: 64);
        return found.Outcome switch
        {
            SafeReadOutcome.Missing => 0,
            SafeReadOutcome.Read when int.TryParse(found.Bytes, CultureInfo.InvariantCulture, out var stops) => stops,
            _ => 1, // DocGen writes a number: anything else there was interrupted once at least
        };
    }

    /// <summary>Keeps the count of interrupted conversions in a claim handed to the PDF stage, so that a stop while it waits for a converter does not reset it.</summary>
    public static void KeepPdfStops(Claim claim, int pdfStops)
    {
        if (pdfStops > 0)
        {
            OwnFile.Replace(claim.Staged(PdfPending), Encoding.ASCII.GetBytes(pdfStops.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// Why the document gets no PDF though PDF is on (logged), or null when it is to be converted:
    /// too big for one, or its conversion was interrupted <see cref="MaxPdfStops"/> times already.
    /// </summary>
    public PdfConversion? WithoutPdf(PdfConverterPool converters, DocumentFacts facts, int pdfStops)
    {
        var refused = pdfStops >= MaxPdfStops
            ? new PdfConversion(0, 0, "服务在转换 PDF 时多次中断 the service stopped while converting it to PDF, more than once")
            : converters.RefusalFor(facts.DocumentBytes);
        if (refused is not null)
        {
            logger.PdfMissing(facts.InputName, 0, refused.Error!);
        }

        return refused;
    }

    /// <summary>
    /// The PDF of the staged document, beside it in the claim, made from a copy in the converters'
    /// own folder that has the document's hash; a failed one is logged and removed (the document is
    /// published without it, or — when the environment was at fault — with its PDF pending).
    /// </summary>
    public async Task<PdfConversion> ConvertAsync(PdfConverterPool converters, Claim claim, string staged, DocumentFacts facts, int pdfStops, CancellationToken cancellationToken)
    {
        var target = Publisher.StagedPdfPath(claim);
        var conversion = await converters.ConvertAsync(staged, target, facts.Title, cancellationToken, lent: () =>
        {
            claim.Enter(ClaimStage.ConvertingPdf);
            OwnFile.Replace(claim.Staged(PdfPending), Encoding.ASCII.GetBytes((pdfStops + 1).ToString(CultureInfo.InvariantCulture))); // seen by a restart if the service stops during the conversion
        }, expectedSha256: facts.DocumentSha256).ConfigureAwait(false);
        if (!conversion.Succeeded || SafeFile.Inspect(target) is not { Kind: EntryKind.Regular, Links: 1 })
        {
            File.Delete(target);
            conversion = conversion with { Error = conversion.Error ?? "LibreOffice reported success but wrote no file" };
            if (conversion.Deferred)
            {
                logger.PdfDeferred(facts.InputName, conversion.Error);
            }
            else
            {
                logger.PdfMissing(facts.InputName, conversion.Attempts, conversion.Error);
            }
        }

        File.Delete(claim.Staged(PdfPending));
        return conversion;
    }

    /// <summary>
    /// Publishes the staged document (with its PDF when <paramref name="conversion"/> made one) and
    /// its receipt; a PDF deferred for the environment is left to <see cref="PendingPdfs"/> with a copy of the document.
    /// </summary>
    public void Publish(Claim claim, DocumentFacts facts, PdfConversion? conversion, Stopwatch clock)
    {
        claim.Enter(ClaimStage.Publishing);
        var pending = conversion is { Deferred: true } ? new PendingPdfNote(facts.DocumentSha256, facts.Title, time.GetUtcNow()) : null;
        var reservation = publisher.ReserveDocument(claim, facts.InputName, conversion?.Succeeded == true, facts.Converted, pending, facts.WarningsNote, facts.Owner);
        var output = publisher.PublishDocument(reservation, ReceiptFor(reservation, facts, conversion, clock));
        var pdfNote = conversion is null ? "" : conversion.Succeeded ? " and its PDF" : pending is not null ? " (its PDF pending)" : " WITHOUT its PDF";
        logger.Processed(facts.InputName, "generated", clock.Elapsed.TotalMilliseconds, output, pdfNote, facts.WarningCount);
        status.Published(facts.InputName, publisher.RelativePath(output), clock.Elapsed, facts.WarningsNote);
    }

    /// <summary>The lower-case hex SHA-256 that receipts give.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

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
        ? new ReceiptPdf(reservation.Pdf, Sha256Of(Publisher.StagedPdfPath(reservation.Claim)), conversion.Milliseconds, conversion.Attempts, null)
        : new ReceiptPdf(null, null, conversion.Milliseconds, conversion.Attempts, conversion.Error) { Pending = conversion.Deferred ? true : null };

    /// <summary>The SHA-256 of a staged file, streamed (a PDF of hundreds of KB is not held whole), opened as a file of DocGen's own.</summary>
    public static string Sha256Of(string path)
    {
        using var handle = OwnFile.Open(path, create: false, out var found, readOnly: true) ?? throw new IOException($"'{path}' is not the file DocGen staged ({found.Kind}).");
        using var stream = new FileStream(handle, FileAccess.Read);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
