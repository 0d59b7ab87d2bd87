using System.Text.Json;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Claims;
using Polly;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Carries out the moves of a manifest DocGen accepts (<see cref="ManifestCheck"/>): those not made
/// yet, the input last; a target found taken is resolved (<see cref="Resolve"/>); every folder
/// moved into is flushed, when so configured, before the manifest is removed and the empty claim
/// released. The same for a claim published now and for one finished after its process died
/// (<see cref="ManifestRecovery"/>).
/// </summary>
internal sealed class ManifestMoves(InboxFolders folders, ResiliencePipeline io, Quarantine quarantine, bool flushToDisk)
{
    /// <summary>A receipt or JSON report DocGen writes stays under a MiB (warnings grouped, reports bounded).</summary>
    private const int MaxFinalBytes = 4 * 1024 * 1024;

    /// <summary>Performs the manifest's moves that have not happened yet, the input last; then removes the empty claim.</summary>
    public void Carry(Claim claim, IReadOnlyList<ResolvedMove> moves)
    {
        claim.EnsureIntact(); // nothing is moved out of a folder this process does not hold
        foreach (var move in moves)
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

        if (flushToDisk)
        {
            // Every rename made durable before the manifest that would redo it goes.
            foreach (var folder in moves.Select(static m => Path.GetDirectoryName(m.Target)!).Append(claim.Folder).Distinct(StringComparer.Ordinal))
            {
                DurableFolder.Flush(folder);
            }
        }

        File.Delete(claim.Staged(PublishManifest.StagedName));
        claim.Release();
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
