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
/// Publishes what a claim produced, exactly once, surviving a crash at any point and a power cut
/// without reporting anything that is not on disk: the files to publish are staged in the claim,
/// each flushed to disk once; a versioned stem (<c>x</c>, <c>x.2</c>, …) is reserved without
/// overwriting by a placeholder (<c>"state": "publishing"</c>); the list of moves (the manifest) is
/// written; then the staged files are renamed into place — the documents, a flush of their folders,
/// then the final receipt or report over the placeholder and the input last, and a flush of those
/// folders (<see cref="ManifestMoves"/>, the flushes shared with the documents published at the same
/// time). Only then is the document logged, counted and shown. A claim found with a manifest is
/// finished from it (<see cref="ManifestRecovery"/>). The placeholder and the manifest are scratch
/// files, never flushed: after a power cut one that is lost or cut short means the claim is
/// processed again (a second version at worst), never a lost input nor a receipt naming a document
/// that is not there. When a flush covers the whole file system (<see cref="FolderFlushes.CoversFiles"/>)
/// the files get none of their own: a shared flush before the first move covers them. With
/// <see cref="DocGenOptions.FlushToDisk"/> off nothing is flushed (a crash of the process is still
/// survived; a power cut is not).
/// </summary>
public sealed class Publisher
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

    private readonly InboxFolders _folders;
    /// <summary>Whether each published file is flushed on its own (not when flushes cover the whole file system, nor with FlushToDisk off).</summary>
    private readonly bool _flushFiles;
    private readonly StemReservations _reservations;
    private readonly ManifestMoves _moves;
    private readonly ManifestRecovery _recovery;

    public Publisher(InboxFolders folders, IOptions<DocGenOptions> options, [FromKeyedServices(ServiceRegistration.IoPipeline)] ResiliencePipeline io, Quarantine quarantine, FolderFlushes flushes)
    {
        ArgumentNullException.ThrowIfNull(options);
        _folders = folders;
        _flushFiles = options.Value.FlushToDisk && !flushes.CoversFiles; // a flush of the whole file system covers the files
        _reservations = new StemReservations(folders, quarantine);
        _moves = new ManifestMoves(folders, io, quarantine, flushes);
        _recovery = new ManifestRecovery(folders, quarantine, _moves);
    }

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
    /// The first step of publishing the staged document: what goes beside it is staged (a
    /// workbook's <paramref name="converted"/> JSON, the clerk's <paramref name="warningsNote"/>,
    /// and with <paramref name="pdfPending"/> — its PDF waits for the environment — a copy of the
    /// document and the note for <c>pdf-pending/</c>), and a stem reserved. The caller makes the
    /// receipt for it and hands both to <see cref="PublishDocument"/>.
    /// </summary>
    public DocumentReservation ReserveDocument(Claim claim, string inputName, bool withPdf, byte[]? converted, PendingPdfNote? pdfPending = null, string? warningsNote = null, Core.Model.Submission? owner = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (_flushFiles)
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
            StagedFile.Copy(claim.Staged(StagedDocument), claim.Staged(StagedPendingDocument), _flushFiles);
            Stage(claim, StagedPendingNote, JsonSerializer.SerializeToUtf8Bytes(pdfPending, ServiceJson.Options));
        }

        var family = OutputFamily.Success(_folders);
        var stem = ReserveStem(family, claim, OutputStem.For(inputName, owner));
        return new DocumentReservation(claim, inputName, stem, Relative(OutputFamily.Document(_folders).For(stem)), Relative(OutputFamily.Pdf(_folders).For(stem)), Relative(family.Converted.For(stem)))
        {
            WithPdf = withPdf,
            WithConverted = converted is not null,
            WithWarnings = warningsNote is not null,
            WithPdfPending = pdfPending is not null,
        };
    }

    /// <summary>
    /// Publishes a reserved document with its <paramref name="receipt"/>, made complete for the
    /// reservation: <c>out/x.docx</c> (with <c>out/x.pdf</c>, <c>out/x.warnings.txt</c>, a workbook's
    /// JSON and the <c>pdf-pending/</c> pair when reserved so), and the input with its receipt in
    /// <c>archive/</c>, the receipt over its placeholder. Returns the document's path once all of it is durable.
    /// </summary>
    public Task<string> PublishDocumentAsync(DocumentReservation reservation, ReadOnlySpan<byte> receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var (claim, stem) = (reservation.Claim, reservation.Stem);
        var family = OutputFamily.Success(_folders);
        Stage(claim, StagedReceipt, receipt);
        List<PublishMove> moves = [Move(StagedDocument, OutputFamily.Document(_folders).For(stem))];
        if (reservation.WithPdf)
        {
            moves.Add(Move(StagedPdf, OutputFamily.Pdf(_folders).For(stem)));
        }

        if (reservation.WithWarnings)
        {
            moves.Add(Move(StagedWarningsText, OutputFamily.WarningsText(_folders).For(stem)));
        }

        if (reservation.WithConverted)
        {
            moves.Add(Move(StagedConverted, family.Converted.For(stem)));
        }

        if (reservation.WithPdfPending)
        {
            // The document before its note: a note in pdf-pending/ always has its document.
            moves.Add(Move(StagedPendingDocument, OutputFamily.PendingDocument(_folders).For(stem)));
            moves.Add(Move(StagedPendingNote, OutputFamily.PendingNote(_folders).For(stem)));
        }

        moves.Add(Move(StagedReceipt, family.Reservation.For(stem), overwrite: true)); // the receipt, over its placeholder, once the documents are in place
        moves.Add(Move(reservation.InputName, family.Input(reservation.InputName).For(stem)));
        return CommitAsync(claim, new PublishManifest(family.Outcome, stem, moves) { Claim = claim.Id }, cancellationToken);
    }

    /// <summary>Publishes a rejected input to <c>failed/</c> with its reports (<paramref name="text"/>: the text report when the caller has it already); returns the text report's path once all of it is durable.</summary>
    public Task<string> PublishRejectionAsync(Claim claim, string inputName, ValidationReport report, string? text, Core.Model.Submission? owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        Stage(claim, StagedErrorsText, WindowsText.Encode(text ?? ReportFormatter.ToText(report, inputName, SubmissionPipeline.AudienceOf(inputName))));
        Stage(claim, StagedErrorsJson, Encoding.UTF8.GetBytes(ReportFormatter.ToJson(report, inputName, claim.Id)));
        if (_flushFiles)
        {
            StagedFile.FlushInput(claim.Staged(inputName));
        }

        var family = OutputFamily.Rejection(_folders);
        var stem = ReserveStem(family, claim, OutputStem.For(inputName, owner));
        return CommitAsync(claim, new PublishManifest(family.Outcome, stem,
        [
            Move(StagedErrorsText, OutputFamily.ErrorsText(_folders).For(stem)),
            Move(StagedErrorsJson, family.Reservation.For(stem), overwrite: true),
            Move(inputName, family.Input(inputName).For(stem)),
        ]) { Claim = claim.Id }, cancellationToken);
    }

    /// <summary>A published path relative to the root (for the status pages).</summary>
    public string RelativePath(string path) => Relative(path);

    /// <summary>
    /// Finishes a claim that was being published when its process died (<see cref="ManifestRecovery"/>);
    /// false when it has no manifest DocGen accepts (it must be processed again).
    /// </summary>
    public Task<bool> TryFinishAsync(Claim claim, CancellationToken cancellationToken) => _recovery.TryFinishAsync(claim, cancellationToken);

    private string Relative(string path) => Path.GetRelativePath(_folders.Root, path);

    /// <summary>
    /// The first free versioned stem (<c>x</c>, <c>x.2</c>, …), reserved for the family (see
    /// <see cref="StemReservations"/>). Not flushed: the reservation is made durable with the
    /// receipt or report that replaces it; one lost to a power cut before then is made again.
    /// </summary>
    private string ReserveStem(OutputFamily family, Claim claim, string baseStem)
        => _folders.Recreating(() => _reservations.Reserve(family, claim, baseStem));

    /// <summary>
    /// Writes a staged file in the claim; a name already taken there (planted in the claim while it
    /// was worked on) is cleared — a file or link removed, anything else moved aside — and written once more.
    /// A file to publish is flushed (when so configured); a <paramref name="scratch"/> file, renamed nowhere, is not.
    /// </summary>
    private void Stage(Claim claim, string name, ReadOnlySpan<byte> content, bool scratch = false)
    {
        var path = claim.Staged(name);
        var flush = _flushFiles && !scratch;
        try
        {
            StagedFile.Write(path, content, flush);
        }
        catch (IOException ex) when (ex.HResult == Errno.EEXIST)
        {
            claim.Vacate(path);
            StagedFile.Write(path, content, flush);
        }
    }

    /// <summary>A move of a staged name to a path of the output folders, written relative to the root.</summary>
    private PublishMove Move(string from, string to, bool overwrite = false) => new(from, Relative(to), overwrite);

    /// <summary>
    /// Writes the manifest (from here on a restart finishes the moves; not flushed, see the class's
    /// summary), then publishes; returns the first move's target (the document or the text report).
    /// </summary>
    private async Task<string> CommitAsync(Claim claim, PublishManifest manifest, CancellationToken cancellationToken)
    {
        Stage(claim, PublishManifest.StagedName, JsonSerializer.SerializeToUtf8Bytes(manifest, ServiceJson.Options), scratch: true);
        var moves = ManifestCheck.Resolve(manifest, claim.Folder, _folders, out var problem) ?? throw new InvalidOperationException($"DocGen wrote a manifest it does not accept: {problem}.");
        await _moves.CarryAsync(claim, moves, cancellationToken).ConfigureAwait(false);
        return moves[0].Target;
    }
}
