using System.Text;
using System.Text.Json;
using DocGen.Core.Validation;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Claims;
using Microsoft.Extensions.Options;
using Polly;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Publishes what a claim produced, exactly once, surviving a crash or a power cut at any point:
/// the outputs are staged in the claim, each flushed to disk; a versioned stem (<c>x</c>,
/// <c>x.2</c>, …) is reserved without overwriting by a placeholder (<c>"state": "publishing"</c>),
/// and its folder flushed; the list of moves (the manifest) is written, flushed, and the claim
/// folder flushed; then the staged files are renamed into place — the documents, then the final
/// receipt or report over the placeholder, the input last — and every folder they went into is
/// flushed before the manifest is removed. A claim found with a manifest is finished from it.
/// With <see cref="DocGenOptions.FlushToDisk"/> off nothing is flushed (a crash of the process is
/// still survived; a power cut is not).
/// </summary>
public sealed class Publisher(
    InboxFolders folders,
    IOptions<DocGenOptions> options,
    [FromKeyedServices(ServiceRegistration.IoPipeline)] ResiliencePipeline io)
{
    private const string StagedDocument = ".docgen-result.docx";
    private const string StagedPdf = ".docgen-result.pdf";
    private const string StagedConverted = ".docgen-converted.json";
    private const string StagedErrorsText = ".docgen-errors.txt";
    private const string StagedErrorsJson = ".docgen-errors.json";
    private const string StagedReservation = ".docgen-reservation";
    private const string StagedReceipt = ".docgen-receipt.json";
    private const string Manifest = ".docgen-publish.json";

    private readonly bool _flushToDisk = options.Value.FlushToDisk;

    /// <summary>
    /// Writes a generated document into the claim (flushed to disk when so configured: it is what
    /// submitters take) and returns its path, for the PDF converter to read.
    /// </summary>
    public string StageDocument(Claim claim, ReadOnlySpan<byte> document)
    {
        var path = claim.Staged(StagedDocument);
        StagedFile.Write(path, document, _flushToDisk);
        return path;
    }

    /// <summary>Where the PDF of a claim's document is converted to, beside the staged document.</summary>
    public static string StagedPdfPath(Claim claim) => claim.Staged(StagedPdf);

    /// <summary>
    /// Publishes the staged document: <c>out/x.docx</c> (with <c>out/x.pdf</c> when
    /// <paramref name="withPdf"/>), and the input with its receipt in <c>archive/</c>. The
    /// receipt, made for the stem that was reserved, is the reservation. Returns the document's path.
    /// </summary>
    public string PublishDocument(Claim claim, string inputName, bool withPdf, byte[]? converted, Func<string, byte[]> receiptFor)
    {
        if (_flushToDisk)
        {
            StagedFile.FlushInput(claim.Staged(inputName));
            if (withPdf)
            {
                StagedFile.Flush(StagedPdfPath(claim));
            }
        }

        if (converted is not null)
        {
            StagedFile.Write(claim.Staged(StagedConverted), converted, _flushToDisk);
        }

        var family = OutputFamily.Success(folders);
        var stem = Reserve(family, claim, OutputStem.For(inputName));
        StagedFile.Write(claim.Staged(StagedReceipt), receiptFor(stem), _flushToDisk);
        List<PublishMove> moves = [new(StagedDocument, OutputFamily.Document(folders).For(stem), Overwrite: false)];
        if (withPdf)
        {
            moves.Add(new(StagedPdf, OutputFamily.Pdf(folders).For(stem), Overwrite: false));
        }

        if (converted is not null)
        {
            moves.Add(new(StagedConverted, family.Converted.For(stem), Overwrite: false));
        }

        moves.Add(new(StagedReceipt, family.Reservation.For(stem), Overwrite: true)); // the receipt, over its placeholder, once the documents are in place
        moves.Add(new(inputName, family.Input(inputName).For(stem), Overwrite: false));
        var manifest = new PublishManifest(family.Outcome, stem, moves);
        Commit(claim, manifest);
        return manifest.Moves[0].To;
    }

    /// <summary>Publishes a rejected input to <c>failed/</c> with its reports (<paramref name="text"/>: the text report when the caller has it already); returns the text report's path.</summary>
    public string PublishRejection(Claim claim, string inputName, ValidationReport report, string? text = null)
    {
        StagedFile.Write(claim.Staged(StagedErrorsText), Encoding.UTF8.GetBytes(text ?? ReportFormatter.ToText(report, inputName)), _flushToDisk);
        StagedFile.Write(claim.Staged(StagedErrorsJson), Encoding.UTF8.GetBytes(ReportFormatter.ToJson(report, inputName)), _flushToDisk);
        if (_flushToDisk)
        {
            StagedFile.FlushInput(claim.Staged(inputName));
        }

        var family = OutputFamily.Rejection(folders);
        var stem = Reserve(family, claim, OutputStem.For(inputName));
        var manifest = new PublishManifest(family.Outcome, stem,
        [
            new(StagedErrorsText, OutputFamily.ErrorsText(folders).For(stem), Overwrite: false),
            new(StagedErrorsJson, family.Reservation.For(stem), Overwrite: true),
            new(inputName, family.Input(inputName).For(stem), Overwrite: false),
        ]);
        Commit(claim, manifest);
        return manifest.Moves[0].To;
    }

    /// <summary>A published path relative to the root (for the status pages).</summary>
    public string RelativePath(string path) => Path.GetRelativePath(folders.Root, path);

    /// <summary>Where the document of a stem is published, relative to the root (for receipts).</summary>
    public string RelativeOutputPath(string stem) => Path.GetRelativePath(folders.Root, OutputFamily.Document(folders).For(stem));

    /// <summary>Where the PDF of a stem is published, relative to the root (for receipts).</summary>
    public string RelativePdfPath(string stem) => Path.GetRelativePath(folders.Root, OutputFamily.Pdf(folders).For(stem));

    /// <summary>Where a workbook's converted JSON is archived, relative to the root (for receipts).</summary>
    public string RelativeConvertedPath(string stem) => Path.GetRelativePath(folders.Root, OutputFamily.Success(folders).Converted.For(stem));

    /// <summary>Finishes a claim that was being published when its process died; false when it has no manifest (it must be processed again).</summary>
    public bool TryFinish(Claim claim)
    {
        if (ReadManifest(claim.Staged(Manifest)) is not { } manifest)
        {
            return false;
        }

        Publish(claim, manifest);
        return true;
    }

    /// <summary>
    /// The first free versioned stem (<c>x</c>, <c>x.2</c>, …), reserved by renaming a placeholder
    /// written in the claim to the family's reservation name (the receipt's or the JSON report's)
    /// without overwriting: it appears whole, two processes never get the same stem, and a
    /// restarted claim recognises its own reservation by the claim id inside it. The placeholder
    /// says <c>"state": "publishing"</c>: the receipt or report replaces it only once the
    /// documents are in place, so a reader of <c>archive/</c> never takes it for a finished receipt.
    /// </summary>
    private string Reserve(OutputFamily family, Claim claim, string baseStem)
    {
        var stem = RecreatingFolders(() => ReserveIn(family, claim, baseStem, _flushToDisk));
        if (_flushToDisk)
        {
            DurableFolder.Flush(Path.GetDirectoryName(family.Reservation.For(stem))!);
        }

        return stem;
    }

    private static string ReserveIn(OutputFamily family, Claim claim, string baseStem, bool flushToDisk)
    {
        var placeholder = Encoding.UTF8.GetBytes($"{{\"reservedBy\":\"{claim.Id}\",\"state\":\"publishing\"}}\n");
        var staged = claim.Staged(StagedReservation);
        for (var n = 1; ; n++)
        {
            var stem = InboxFolders.Versioned(baseStem, n);
            var reservation = family.Reservation.For(stem);
            if (File.Exists(reservation))
            {
                if (IsReservedBy(reservation, claim.Id))
                {
                    StagedFile.Write(staged, placeholder, flushToDisk);
                    File.Move(staged, reservation, overwrite: true);
                    return stem;
                }

                continue;
            }

            if (family.Others.Any(o => File.Exists(o.For(stem))))
            {
                continue;
            }

            StagedFile.Write(staged, placeholder, flushToDisk);
            try
            {
                NoReplaceMove.Move(staged, reservation);
                return stem;
            }
            catch (IOException) when (File.Exists(reservation))
            {
                // Another process reserved this stem a moment ago: try the next.
                File.Delete(staged);
            }
            catch (DirectoryNotFoundException)
            {
                File.Delete(staged); // the output folder is gone: the caller recreates it and starts again
                throw;
            }
        }
    }

    private static bool IsReservedBy(string reservation, string claimId)
    {
        try
        {
            return File.ReadAllText(reservation).Contains(claimId, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Writes the manifest and makes it durable (from here on a restart finishes the moves), then publishes.</summary>
    private void Commit(Claim claim, PublishManifest manifest)
    {
        StagedFile.Write(claim.Staged(Manifest), JsonSerializer.SerializeToUtf8Bytes(manifest, ServiceJson.Options), _flushToDisk);
        if (_flushToDisk)
        {
            DurableFolder.Flush(claim.Folder);
        }

        Publish(claim, manifest);
    }

    /// <summary>Performs the manifest's moves that have not happened yet, the input last; then removes the empty claim.</summary>
    private void Publish(Claim claim, PublishManifest manifest)
    {
        foreach (var move in manifest.Moves)
        {
            try
            {
                RecreatingFolders(() => io.Execute(static m =>
                {
                    if (m.Overwrite)
                    {
                        File.Move(m.Source, m.Target, overwrite: true);
                    }
                    else
                    {
                        NoReplaceMove.Move(m.Source, m.Target);
                    }

                    return true;
                }, (Source: claim.Staged(move.From), Target: move.To, move.Overwrite)));
            }
            catch (FileNotFoundException)
            {
                // moved before a crash
            }
        }

        if (_flushToDisk)
        {
            // Every rename made durable before the manifest that would redo it goes.
            foreach (var folder in manifest.Moves.Select(static m => Path.GetDirectoryName(m.To)!).Append(claim.Folder).Distinct(StringComparer.Ordinal))
            {
                DurableFolder.Flush(folder);
            }
        }

        File.Delete(claim.Staged(Manifest));
        claim.Release();
    }

    /// <summary>
    /// Runs a step that writes into the output folders; when one of them has gone (renamed or
    /// deleted by someone while the service runs), recreates them and runs it once more.
    /// </summary>
    private T RecreatingFolders<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (DirectoryNotFoundException) when (folders.All.Any(static f => !Directory.Exists(f)))
        {
            folders.CreateAll();
            return step();
        }
    }

    /// <summary>The claim's manifest, or null when there is none or it was cut short (then the claim is redone).</summary>
    private static PublishManifest? ReadManifest(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<PublishManifest>(File.ReadAllBytes(path), ServiceJson.Options);
        }
        catch (Exception ex) when (ex is FileNotFoundException or JsonException)
        {
            return null;
        }
    }
}
