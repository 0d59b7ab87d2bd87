using System.Text.Json;
using DocGen.Worker.IO;
using DocGen.Worker.Pdf;
using DocGen.Worker.Service.Publishing;
using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service;

/// <summary>
/// Makes the PDFs that were deferred because the environment failed (a full temporary folder,
/// LibreOffice that would not start): each published document waits in <c>pdf-pending/</c> with
/// its note and is converted again, at most every <see cref="DocGenOptions.PdfRetryInterval"/> while the
/// environment still fails. Once made, the PDF is published (<c>out/x.pdf</c>), then the receipt
/// rewritten with it, then the note removed: each step can be redone, so a crash between them only
/// converts once more. A document whose own conversion fails (a known-good one converts) ends
/// without a PDF, as it would have at once, and its receipt says why. The retries run beside the
/// scan loop, one pass at a time, through the same converters as new documents.
/// </summary>
public sealed class PendingPdfs(
    InboxFolders folders,
    PdfOutput pdf,
    IOptions<DocGenOptions> options,
    Quarantine quarantine,
    LogThrottle throttle,
    TimeProvider time,
    ILogger<PendingPdfs> logger)
{
    /// <summary>A note is a few hundred bytes; anything larger is not DocGen's.</summary>
    private const int MaxNoteBytes = 64 * 1024;

    /// <summary>A receipt of a large submission has its warnings grouped: well under this.</summary>
    private const int MaxReceiptBytes = 4 * 1024 * 1024;

    private readonly bool _flushToDisk = options.Value.FlushToDisk;
    private readonly TimeSpan _retryInterval = options.Value.PdfRetryInterval;
    private readonly Lock _lock = new();
    private Task _pass = Task.CompletedTask;
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Documents waiting for their PDF when last looked at (for the status pages).</summary>
    public int Waiting { get; private set; }

    /// <summary>Starts a pass over <c>pdf-pending/</c> when one is due and none is running (PDF output on).</summary>
    public void RetryIfDue(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (pdf.Converters is null || !_pass.IsCompleted || time.GetUtcNow() < _next)
            {
                return;
            }

            _pass = Task.Run(() => PassAsync(pdf.Converters, cancellationToken), CancellationToken.None);
        }
    }

    /// <summary>Waits for a pass under way (at a stop it ends cancelled; what it did not finish waits for the next start).</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            return _pass.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task PassAsync(PdfConverterPool converters, CancellationToken cancellationToken)
    {
        var deferred = false;
        try
        {
            var notes = Directory.Exists(folders.PdfPending)
                ? Directory.EnumerateFiles(folders.PdfPending, "*.json").Order(StringComparer.Ordinal).ToList()
                : [];
            Waiting = notes.Count;
            foreach (var note in notes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool made;
                try
                {
                    made = await TryMakeAsync(converters, note, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // This note's trouble (a name planted where its PDF goes, a share that blinks): the others go on, it is tried again next time.
                    logger.ProcessingFailure(throttle, ex, note);
                    deferred = true;
                    continue;
                }

                if (!made)
                {
                    deferred = true;
                    break; // the environment still fails: the rest wait with it
                }

                Waiting--;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            deferred = true;
            logger.ProcessingFailure(throttle, ex, folders.PdfPending);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            _next = deferred ? time.GetUtcNow() + _retryInterval : DateTimeOffset.MinValue;
        }
    }

    /// <summary>The PDF of one waiting document, published with its receipt; false when the environment still fails.</summary>
    private async Task<bool> TryMakeAsync(PdfConverterPool converters, string notePath, CancellationToken cancellationToken)
    {
        var stem = Path.GetFileNameWithoutExtension(notePath);
        var document = OutputFamily.PendingDocument(folders).For(stem);
        var receipt = OutputFamily.Success(folders).Reservation.For(stem);
        var receiptBytes = OwnFile.ReadSmall(receipt, MaxReceiptBytes);
        if (StemReservations.Placeholder(receiptBytes) is not null)
        {
            return true; // still being published: looked at next time
        }

        if (Read<PendingPdfNote>(OwnFile.ReadSmall(notePath, MaxNoteBytes)) is not { } note || Read<Receipt>(receiptBytes) is not { } published
            || published.OutputSha256 != note.DocumentSha256 || published.Pdf?.Pending != true)
        {
            // Not a note DocGen wrote, or for no receipt of that document: never converted.
            quarantine.MoveAside(notePath, QuarantineReason.UnknownPendingPdf);
            quarantine.MoveAside(document, QuarantineReason.UnknownPendingPdf);
            return true;
        }

        var staged = Path.Combine(folders.PdfPending, $".{stem}.{Guid.NewGuid():N}.pdf"); // a name of this process's: never planted, never another's
        var conversion = await converters.ConvertAsync(document, staged, note.Title, cancellationToken, expectedSha256: note.DocumentSha256).ConfigureAwait(false);
        if (conversion.Deferred)
        {
            File.Delete(staged);
            return false;
        }

        var pdfOut = OutputFamily.Pdf(folders).For(stem);
        ReceiptPdf made;
        try
        {
            if (conversion.Succeeded)
            {
                if (_flushToDisk)
                {
                    StagedFile.Flush(staged);
                }

                made = new ReceiptPdf(Path.GetRelativePath(folders.Root, pdfOut), Sha256Hex.OfFile(staged), conversion.Milliseconds, conversion.Attempts, null);
                if (SafeFile.Inspect(pdfOut).Kind == EntryKind.Directory)
                {
                    quarantine.MoveAside(pdfOut, QuarantineReason.PlantedOutputName, "a folder where this document's PDF goes");
                }

                File.Move(staged, pdfOut, overwrite: true); // the stem is this document's: a name planted there is replaced, never followed
                Flush(folders.Out);
            }
            else
            {
                made = new ReceiptPdf(null, null, conversion.Milliseconds, conversion.Attempts, conversion.Error);
                logger.PdfMissing(published.Submission, conversion.Attempts, conversion.Error!);
            }
        }
        finally
        {
            File.Delete(staged); // gone once moved; otherwise no litter of this pass
        }

        Rewrite(receipt, published with { Pdf = made });
        File.Delete(notePath);
        File.Delete(document);
        Flush(folders.PdfPending);
        if (conversion.Succeeded)
        {
            var waited = time.GetUtcNow() - note.Since;
            logger.PdfMadeLater(published.Output, waited.TotalMinutes, made.Output!);
        }

        return true;
    }

    /// <summary>The receipt replaced whole: written beside it under a hidden name, then renamed over it.</summary>
    private void Rewrite(string receipt, Receipt rewritten)
    {
        var fresh = Path.Combine(Path.GetDirectoryName(receipt)!, $".{Path.GetFileName(receipt)}.{Guid.NewGuid():N}.new");
        StagedFile.Write(fresh, JsonSerializer.SerializeToUtf8Bytes(rewritten, ServiceJson.Options), _flushToDisk);
        File.Move(fresh, receipt, overwrite: true);
        Flush(Path.GetDirectoryName(receipt)!);
    }

    private void Flush(string folder)
    {
        if (_flushToDisk)
        {
            DurableFolder.Flush(folder);
        }
    }

    /// <summary>A small JSON file of DocGen's own (read with a bound and never through a link), parsed; null when it is not one.</summary>
    private static T? Read<T>(byte[]? bytes)
        where T : class
    {
        try
        {
            return bytes is null ? null : JsonSerializer.Deserialize<T>(bytes, ServiceJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
