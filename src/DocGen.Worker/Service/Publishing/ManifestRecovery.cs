using System.Text.Json;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Claims;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Finishes the publishing of a claim whose process died after writing its manifest: the manifest
/// is read with a bound, checked (<see cref="ManifestCheck"/>, and its reservation must be the
/// claim's own), and its remaining moves made. One DocGen cannot vouch for is moved aside with none
/// of its moves made, and the claim is processed again.
/// </summary>
internal sealed class ManifestRecovery(InboxFolders folders, Quarantine quarantine, ManifestMoves moves)
{
    /// <summary>A manifest DocGen writes is a few KB; anything larger in its place is not one of its own.</summary>
    private const int MaxManifestBytes = 256 * 1024;

    /// <summary>True when the claim was finished from its manifest; false when it has none (or none DocGen accepts) and must be processed again.</summary>
    public async Task<bool> TryFinishAsync(Claim claim, CancellationToken cancellationToken)
    {
        var path = claim.Staged(PublishManifest.StagedName);
        if (ReadManifest(path) is not { } manifest)
        {
            return false;
        }

        var resolved = ManifestCheck.Resolve(manifest, claim.Folder, folders, out var problem);
        if (resolved is not null && !ManifestMoves.OwnsReservation(resolved.Single(static m => m.Overwrite), claim))
        {
            problem = "its reservation is neither this claim's placeholder nor this claim's receipt or report";
        }

        if (resolved is not null && problem is null)
        {
            try
            {
                await moves.CarryAsync(claim, resolved, cancellationToken).ConfigureAwait(false);
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
