using DocGen.Worker.IO;
using DocGen.Worker.Pdf;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Publishing;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// The PDF of a generated document when PDF output is on: whether it gets none (and why), and its
/// conversion, counted in the claim while it runs (<see cref="PdfStops"/>) so that a document is
/// not converted for ever.
/// </summary>
/// <param name="logger">The release's: its lines keep their category.</param>
public sealed class DocumentPdf(ILogger<DocumentRelease> logger)
{
    /// <summary>
    /// Why the document gets no PDF though PDF is on (logged), or null when it is to be converted:
    /// too big for one, or its conversion was interrupted <see cref="PdfStops.Max"/> times already.
    /// </summary>
    public PdfConversion? WithoutPdf(PdfConverterPool converters, DocumentFacts facts, int pdfStops)
    {
        var refused = pdfStops >= PdfStops.Max
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
    public async Task<PdfConversion> ConvertAsync(PublishWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (claim, facts) = (work.Claim, work.Facts);
        var target = Publisher.StagedPdfPath(claim);
        var converters = work.Converters ?? throw new ArgumentException("The work has no converters.", nameof(work));
        var conversion = await converters.ConvertAsync(work.Staged, target, facts.Title, cancellationToken, lent: () =>
        {
            claim.Enter(ClaimStage.ConvertingPdf);
            PdfStops.Converting(claim, work.PdfStops);
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

        PdfStops.Clear(claim);
        return conversion;
    }
}
