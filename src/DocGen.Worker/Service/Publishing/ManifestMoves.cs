using System.Text.Json;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Claims;
using Polly;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Carries out the moves of a manifest DocGen accepts (<see cref="ManifestCheck"/>) that were not
/// made yet, in two steps: the outputs, then — once a flush covers them — the final receipt or
/// report over its reservation and the input last; the empty claim is released and the folders of
/// the second step flushed before the caller reports anything. A receipt therefore never names a
/// document that is not durable, and nothing is counted or shown before its receipt is. The flushes
/// are shared with the documents published at the same time (<see cref="FolderFlushes"/>). The same
/// for a claim published now and for one finished after its process died (<see cref="ManifestRecovery"/>).
/// </summary>
internal sealed class ManifestMoves(InboxFolders folders, ResiliencePipeline io, Quarantine quarantine, FolderFlushes flushes)
{
    /// <summary>A receipt or JSON report DocGen writes stays under a MiB (warnings grouped, reports bounded).</summary>
    private const int MaxFinalBytes = 4 * 1024 * 1024;

    /// <summary>Performs the manifest's moves that have not happened yet (the outputs, a flush, then the final file and the input); then removes the empty claim.</summary>
    public async Task CarryAsync(Claim claim, IReadOnlyList<ResolvedMove> moves, CancellationToken cancellationToken)
    {
        claim.EnsureIntact(); // nothing is moved out of a folder this process does not hold
        if (flushes.CoversFiles)
        {
            await flushes.FlushAsync([claim.Folder], cancellationToken).ConfigureAwait(false); // the staged files' bytes, before any of them gets a published name
            claim.EnsureIntact();
        }

        // ManifestCheck lets through exactly one overwrite (the final file); the outputs are the moves before it.
        var final = moves.Select(static (m, i) => (m, i)).First(static x => x.m.Overwrite).i;
        var (outputs, rest) = (moves.Take(final).ToList(), moves.Skip(final).ToList());
        foreach (var move in outputs)
        {
            Make(move, moves, claim);
        }

        await flushes.FlushAsync(FoldersOf(outputs), cancellationToken).ConfigureAwait(false);
        claim.EnsureIntact();
        foreach (var move in rest)
        {
            Make(move, moves, claim);
        }

        File.Delete(claim.Staged(PublishManifest.StagedName));
        claim.Release();

        // Not cancelled by a stop: everything is in place and the claim is gone, so the caller must
        // get to report it (a stop waits for one flush round at most).
        await flushes.FlushAsync(FoldersOf(rest).Append(Path.GetDirectoryName(claim.Folder)!), CancellationToken.None).ConfigureAwait(false);
    }

    private static IEnumerable<string> FoldersOf(IEnumerable<ResolvedMove> moves) => moves.Select(static m => Path.GetDirectoryName(m.Target)!).Distinct(StringComparer.Ordinal);

    /// <summary>One move, unless it was made before a crash; a target found taken is resolved.</summary>
    private void Make(ResolvedMove move, IReadOnlyList<ResolvedMove> moves, Claim claim)
    {
        try
        {
            folders.Recreating(() => io.Execute(static m =>
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

    /// <summary>
    /// Whether the manifest's reservation is this claim's: still its placeholder (the move over it
    /// not made yet), or made already and the receipt or JSON report there names this claim. A
    /// manifest planted in a real claim cannot then move its input under another's stem.
    /// </summary>
    public static bool OwnsReservation(ResolvedMove reservation, Claim claim)
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
}
