using System.Text;
using System.Text.Json;
using DocGen.Core.Validation;
using DocGen.Worker.IO;
using DocGen.Worker.Pipeline;
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
    [FromKeyedServices(ServiceRegistration.IoPipeline)] ResiliencePipeline io,
    Quarantine quarantine)
{
    private const string StagedDocument = ".docgen-result.docx";
    private const string StagedPdf = ".docgen-result.pdf";
    private const string StagedConverted = ".docgen-converted.json";
    private const string StagedErrorsText = ".docgen-errors.txt";
    private const string StagedWarningsText = ".docgen-warnings.txt";
    private const string StagedErrorsJson = ".docgen-errors.json";
    private const string StagedReceipt = ".docgen-receipt.json";
    private const string StagedPendingDocument = ".docgen-pending.docx";
    private const string StagedPendingNote = ".docgen-pending.json";
    private const string Manifest = ".docgen-publish.json";

    /// <summary>A manifest DocGen writes is a few KB; anything larger in its place is not one of its own.</summary>
    private const int MaxManifestBytes = 256 * 1024;

    /// <summary>A receipt or JSON report DocGen writes stays under a MiB (warnings grouped, reports bounded).</summary>
    private const int MaxFinalBytes = 4 * 1024 * 1024;

    private readonly bool _flushToDisk = options.Value.FlushToDisk;
    private readonly StemReservations _reservations = new(folders, quarantine, options.Value.FlushToDisk);

    /// <summary>
    /// Writes a generated document into the claim (flushed to disk when so configured: it is what
    /// submitters take) and returns its path, for the PDF converter to read.
    /// </summary>
    public string StageDocument(Claim claim, ReadOnlySpan<byte> document)
    {
        Stage(claim, StagedDocument, document);
        return claim.Staged(StagedDocument);
    }

    /// <summary>Where the PDF of a claim's document is converted to, beside the staged document.</summary>
    public static string StagedPdfPath(Claim claim) => claim.Staged(StagedPdf);

    /// <summary>
    /// Publishes the staged document: <c>out/x.docx</c> (with <c>out/x.pdf</c> when
    /// <paramref name="withPdf"/>), and the input with its receipt in <c>archive/</c>. The
    /// receipt, made for the stem that was reserved, is the reservation. With <paramref name="pdfPending"/>
    /// (its PDF waits for the environment), a copy of the document and the note go to
    /// <c>pdf-pending/x.docx</c> and <c>x.json</c> in the same moves. Returns the document's path.
    /// </summary>
    public string PublishDocument(Claim claim, string inputName, bool withPdf, byte[]? converted, Func<string, byte[]> receiptFor, PendingPdfNote? pdfPending = null, string? warningsNote = null, Core.Model.Submission? owner = null)
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
            Stage(claim, StagedConverted, converted);
        }

        if (warningsNote is not null)
        {
            Stage(claim, StagedWarningsText, WindowsText.Encode(warningsNote));
        }

        if (pdfPending is not null)
        {
            StagedFile.Copy(claim.Staged(StagedDocument), claim.Staged(StagedPendingDocument), _flushToDisk);
            Stage(claim, StagedPendingNote, JsonSerializer.SerializeToUtf8Bytes(pdfPending, ServiceJson.Options));
        }

        var family = OutputFamily.Success(folders);
        var stem = Reserve(family, claim, OutputStem.For(inputName, owner));
        Stage(claim, StagedReceipt, receiptFor(stem));
        List<PublishMove> moves = [Move(StagedDocument, OutputFamily.Document(folders).For(stem))];
        if (withPdf)
        {
            moves.Add(Move(StagedPdf, OutputFamily.Pdf(folders).For(stem)));
        }

        if (warningsNote is not null)
        {
            moves.Add(Move(StagedWarningsText, OutputFamily.WarningsText(folders).For(stem)));
        }

        if (converted is not null)
        {
            moves.Add(Move(StagedConverted, family.Converted.For(stem)));
        }

        if (pdfPending is not null)
        {
            // The document before its note: a note in pdf-pending/ always has its document.
            moves.Add(Move(StagedPendingDocument, OutputFamily.PendingDocument(folders).For(stem)));
            moves.Add(Move(StagedPendingNote, OutputFamily.PendingNote(folders).For(stem)));
        }

        moves.Add(Move(StagedReceipt, family.Reservation.For(stem), overwrite: true)); // the receipt, over its placeholder, once the documents are in place
        moves.Add(Move(inputName, family.Input(inputName).For(stem)));
        return Commit(claim, new PublishManifest(family.Outcome, stem, moves) { Claim = claim.Id });
    }

    /// <summary>Publishes a rejected input to <c>failed/</c> with its reports (<paramref name="text"/>: the text report when the caller has it already); returns the text report's path.</summary>
    public string PublishRejection(Claim claim, string inputName, ValidationReport report, string? text = null, Core.Model.Submission? owner = null)
    {
        Stage(claim, StagedErrorsText, WindowsText.Encode(text ?? ReportFormatter.ToText(report, inputName, SubmissionPipeline.AudienceOf(inputName))));
        Stage(claim, StagedErrorsJson, Encoding.UTF8.GetBytes(ReportFormatter.ToJson(report, inputName, claim.Id)));
        if (_flushToDisk)
        {
            StagedFile.FlushInput(claim.Staged(inputName));
        }

        var family = OutputFamily.Rejection(folders);
        var stem = Reserve(family, claim, OutputStem.For(inputName, owner));
        return Commit(claim, new PublishManifest(family.Outcome, stem,
        [
            Move(StagedErrorsText, OutputFamily.ErrorsText(folders).For(stem)),
            Move(StagedErrorsJson, family.Reservation.For(stem), overwrite: true),
            Move(inputName, family.Input(inputName).For(stem)),
        ]) { Claim = claim.Id });
    }

    /// <summary>A published path relative to the root (for the status pages).</summary>
    public string RelativePath(string path) => Path.GetRelativePath(folders.Root, path);

    /// <summary>Where the document of a stem is published, relative to the root (for receipts).</summary>
    public string RelativeOutputPath(string stem) => Path.GetRelativePath(folders.Root, OutputFamily.Document(folders).For(stem));

    /// <summary>Where the PDF of a stem is published, relative to the root (for receipts).</summary>
    public string RelativePdfPath(string stem) => Path.GetRelativePath(folders.Root, OutputFamily.Pdf(folders).For(stem));

    /// <summary>Where a workbook's converted JSON is archived, relative to the root (for receipts).</summary>
    public string RelativeConvertedPath(string stem) => Path.GetRelativePath(folders.Root, OutputFamily.Success(folders).Converted.For(stem));

    /// <summary>
    /// Finishes a claim that was being published when its process died; false when it has no
    /// manifest (it must be processed again). A manifest DocGen cannot vouch for (<see cref="ManifestCheck"/>)
    /// is moved aside without any of its moves made, and the claim is processed again.
    /// </summary>
    public bool TryFinish(Claim claim)
    {
        var path = claim.Staged(Manifest);
        if (ReadManifest(path) is not { } manifest)
        {
            return false;
        }

        var moves = ManifestCheck.Resolve(manifest, claim.Folder, folders, out var problem);
        if (moves is not null && !OwnsReservation(moves.Single(static m => m.Overwrite), claim))
        {
            problem = "its reservation is neither this claim's placeholder nor this claim's receipt or report";
        }

        if (moves is not null && problem is null)
        {
            try
            {
                Publish(claim, moves);
                return true;
            }
            catch (PublishConflictException ex)
            {
                problem = ex.Message;
            }
        }

        quarantine.MoveAside(path, QuarantineReason.ForgedManifest, problem ?? "");
        File.Delete(path); // had it not moved, it is removed all the same: never carried out further
        return false;
    }

    /// <summary>
    /// Whether the manifest's reservation is this claim's: still its placeholder (the move over it
    /// not made yet), or made already and the receipt or JSON report there names this claim. A
    /// manifest planted in a real claim cannot then move its input under another's stem.
    /// </summary>
    private static bool OwnsReservation(ResolvedMove reservation, Claim claim)
    {
        if (SafeFile.Inspect(reservation.Source).Kind != EntryKind.Missing)
        {
            return StemReservations.IsReservedBy(reservation.Target, claim.Id);
        }

        try
        {
            return OwnFile.ReadSmall(reservation.Target, MaxFinalBytes) is { } bytes
                && JsonDocument.Parse(bytes).RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("claim", out var owner) && owner.ValueKind == JsonValueKind.String && owner.GetString() == claim.Id;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The first free versioned stem (<c>x</c>, <c>x.2</c>, …), reserved for the family (see
    /// <see cref="StemReservations"/>), its folder flushed so that the reservation survives a power cut.
    /// </summary>
    private string Reserve(OutputFamily family, Claim claim, string baseStem)
    {
        var stem = RecreatingFolders(() => _reservations.Reserve(family, claim, baseStem));
        if (_flushToDisk)
        {
            DurableFolder.Flush(Path.GetDirectoryName(family.Reservation.For(stem))!);
        }

        return stem;
    }

    /// <summary>
    /// Writes a staged file in the claim; a name already taken there (planted in the claim while it
    /// was worked on) is cleared — a file or link removed, anything else moved aside — and written once more.
    /// </summary>
    private void Stage(Claim claim, string name, ReadOnlySpan<byte> content)
    {
        var path = claim.Staged(name);
        try
        {
            StagedFile.Write(path, content, _flushToDisk);
        }
        catch (IOException ex) when (ex.HResult == Errno.EEXIST)
        {
            claim.Vacate(path);
            StagedFile.Write(path, content, _flushToDisk);
        }
    }

    /// <summary>A move of a staged name to a path of the output folders, written relative to the root.</summary>
    private PublishMove Move(string from, string to, bool overwrite = false) => new(from, Path.GetRelativePath(folders.Root, to), overwrite);

    /// <summary>Writes the manifest and makes it durable (from here on a restart finishes the moves), then publishes; returns the first move's target (the document or the text report).</summary>
    private string Commit(Claim claim, PublishManifest manifest)
    {
        Stage(claim, Manifest, JsonSerializer.SerializeToUtf8Bytes(manifest, ServiceJson.Options));
        if (_flushToDisk)
        {
            DurableFolder.Flush(claim.Folder);
        }

        var moves = ManifestCheck.Resolve(manifest, claim.Folder, folders, out var problem) ?? throw new InvalidOperationException($"DocGen wrote a manifest it does not accept: {problem}.");
        Publish(claim, moves);
        return moves[0].Target;
    }

    /// <summary>Performs the manifest's moves that have not happened yet, the input last; then removes the empty claim.</summary>
    private void Publish(Claim claim, IReadOnlyList<ResolvedMove> moves)
    {
        claim.EnsureIntact(); // nothing is moved out of a folder this process does not hold
        foreach (var move in moves)
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
                }, move));
            }
            catch (FileNotFoundException)
            {
                // moved before a crash
            }
            catch (IOException ex) when (!move.Overwrite && ex.HResult == Errno.EEXIST)
            {
                Resolve(move, moves, claim);
            }
        }

        if (_flushToDisk)
        {
            // Every rename made durable before the manifest that would redo it goes.
            foreach (var folder in moves.Select(static m => Path.GetDirectoryName(m.Target)!).Append(claim.Folder).Distinct(StringComparer.Ordinal))
            {
                DurableFolder.Flush(folder);
            }
        }

        File.Delete(claim.Staged(Manifest));
        claim.Release();
    }

    /// <summary>
    /// A move whose target exists already: the second half of a move by link whose process died (the
    /// same file: its staged name is removed); a name planted after the stem was reserved (the
    /// reservation proves the stem is this claim's: the squatter is moved aside and the move made);
    /// otherwise a conflict, and the claim is processed again under a new stem.
    /// </summary>
    private void Resolve(ResolvedMove move, IReadOnlyList<ResolvedMove> moves, Claim claim)
    {
        var source = SafeFile.Inspect(move.Source);
        var target = SafeFile.Inspect(move.Target);
        if (source.Kind == EntryKind.Regular && target.Kind == EntryKind.Regular && source.Inode == target.Inode && source.Device == target.Device)
        {
            File.Delete(move.Source);
            return;
        }

        if (OwnsReservation(moves.Single(static m => m.Overwrite), claim) && quarantine.MoveAside(move.Target, QuarantineReason.PlantedOutputName, "a name of a stem this claim had reserved"))
        {
            NoReplaceMove.Move(move.Source, move.Target);
            return;
        }

        throw new PublishConflictException($"'{Path.GetRelativePath(folders.Root, move.Target)}' is held by something this claim did not publish");
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
    /// The claim's manifest, or null when there is none or it was cut short (then the claim is
    /// redone). Read with a bound, never through a link nor from a FIFO.
    /// </summary>
    private static PublishManifest? ReadManifest(string path)
    {
        try
        {
            return OwnFile.ReadSmall(path, MaxManifestBytes) is { } bytes ? JsonSerializer.Deserialize<PublishManifest>(bytes, ServiceJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
