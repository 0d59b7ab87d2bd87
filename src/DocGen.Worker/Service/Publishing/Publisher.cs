using System.Text;
using System.Text.Json;
using DocGen.Core.Validation;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Claims;
using Microsoft.Extensions.Options;
using Polly;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Publishes what a claim produced, exactly once, surviving a crash at any point: the outputs are
/// staged in the claim; a versioned stem (<c>x</c>, <c>x.2</c>, …) is reserved without
/// overwriting; the list of moves (the manifest) is written; then the staged files are renamed
/// into place, the input last. A claim found with a manifest is finished from it.
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
    private const string Manifest = ".docgen-publish.json";

    private readonly bool _flushToDisk = options.Value.FlushToDisk;

    /// <summary>
    /// Writes a generated document into the claim (flushed to disk when so configured: it is what
    /// submitters take) and returns its path, for the PDF converter to read.
    /// </summary>
    public string StageDocument(Claim claim, ReadOnlySpan<byte> document)
    {
        var path = claim.Staged(StagedDocument);
        WriteStaged(path, document, _flushToDisk);
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
        if (withPdf && _flushToDisk)
        {
            FlushToDisk(StagedPdfPath(claim));
        }

        if (converted is not null)
        {
            WriteStaged(claim.Staged(StagedConverted), converted, flushToDisk: false);
        }

        var family = OutputFamily.Success(folders);
        var stem = Reserve(family, claim, OutputStem.For(inputName), receiptFor);
        List<PublishMove> moves = [new(StagedDocument, OutputFamily.Document(folders).For(stem), Overwrite: false)];
        if (withPdf)
        {
            moves.Add(new(StagedPdf, OutputFamily.Pdf(folders).For(stem), Overwrite: false));
        }

        if (converted is not null)
        {
            moves.Add(new(StagedConverted, family.Converted.For(stem), Overwrite: false));
        }

        moves.Add(new(inputName, family.Input(inputName).For(stem), Overwrite: false));
        var manifest = new PublishManifest(family.Outcome, stem, moves);
        Commit(claim, manifest);
        return manifest.Moves[0].To;
    }

    /// <summary>Publishes a rejected input to <c>failed/</c> with its reports; returns the text report's path.</summary>
    public string PublishRejection(Claim claim, string inputName, ValidationReport report)
    {
        WriteStaged(claim.Staged(StagedErrorsText), Encoding.UTF8.GetBytes(ReportFormatter.ToText(report, inputName)), flushToDisk: false);
        WriteStaged(claim.Staged(StagedErrorsJson), Encoding.UTF8.GetBytes(ReportFormatter.ToJson(report, inputName)), flushToDisk: false);
        var family = OutputFamily.Rejection(folders);
        var placeholder = Encoding.UTF8.GetBytes($"{{\"reservedBy\":\"{claim.Id}\"}}");
        var stem = Reserve(family, claim, OutputStem.For(inputName), _ => placeholder);
        var manifest = new PublishManifest(family.Outcome, stem,
        [
            new(StagedErrorsText, OutputFamily.ErrorsText(folders).For(stem), Overwrite: false),
            new(StagedErrorsJson, family.Reservation.For(stem), Overwrite: true),
            new(inputName, family.Input(inputName).For(stem), Overwrite: false),
        ]);
        Commit(claim, manifest);
        return manifest.Moves[0].To;
    }

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
    /// The first free versioned stem (<c>x</c>, <c>x.2</c>, …), reserved by renaming a file
    /// written in the claim (the receipt, or a placeholder for an error report) to the family's
    /// reservation name without overwriting: it appears whole, two processes never get the same
    /// stem, and a restarted claim recognises its own reservation by the claim id inside it.
    /// </summary>
    private string Reserve(OutputFamily family, Claim claim, string baseStem, Func<string, byte[]> contentFor)
        => RecreatingFolders(() => ReserveIn(family, claim, baseStem, contentFor));

    private static string ReserveIn(OutputFamily family, Claim claim, string baseStem, Func<string, byte[]> contentFor)
    {
        var staged = claim.Staged(StagedReservation);
        for (var n = 1; ; n++)
        {
            var stem = InboxFolders.Versioned(baseStem, n);
            var reservation = family.Reservation.For(stem);
            if (File.Exists(reservation))
            {
                if (IsReservedBy(reservation, claim.Id))
                {
                    WriteStaged(staged, contentFor(stem), flushToDisk: false);
                    File.Move(staged, reservation, overwrite: true);
                    return stem;
                }

                continue;
            }

            if (family.Others.Any(o => File.Exists(o.For(stem))))
            {
                continue;
            }

            WriteStaged(staged, contentFor(stem), flushToDisk: false);
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

    /// <summary>Writes the manifest (from here on a restart finishes the moves), then publishes.</summary>
    private void Commit(Claim claim, PublishManifest manifest)
    {
        WriteStaged(claim.Staged(Manifest), JsonSerializer.SerializeToUtf8Bytes(manifest, ServiceJson.Options), flushToDisk: false);
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

    /// <summary>
    /// Writes a file inside the claim folder, synchronously (small local writes are faster than a
    /// hop through the thread pool). No temporary name is needed there: a staged file only counts
    /// once the manifest that names it exists, and a claim without one is redone. The name is new
    /// (a claim starts empty and a redo clears its staged files), which spares a truncate.
    /// </summary>
    private static void WriteStaged(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, fileOffset: 0);
        if (flushToDisk)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    /// <summary>Flushes a file another process wrote (the PDF LibreOffice wrote into the claim).</summary>
    private static void FlushToDisk(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        RandomAccess.FlushToDisk(handle);
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
