using DocGen.Worker.IO;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Decides whether a publish manifest found in a claim is one DocGen wrote, before any of its
/// moves is made: anyone who can write to <c>processing/</c> can write a manifest, so it is
/// DocGen's word only where DocGen can check it. Every move must be one DocGen makes for the
/// manifest's outcome and stem: from a plain name in the claim (a staged file that is a regular
/// file with one name, or the input, moved last) to a name of that stem's family in
/// <c>out/</c>, <c>archive/</c> or <c>failed/</c> (paths resolved, so <c>..</c> and absolute paths
/// elsewhere fail), overwriting only the family's reservation. A manifest naming another claim is
/// refused too.
/// </summary>
internal static class ManifestCheck
{
    /// <summary>The manifest's moves with their full paths, or null with <paramref name="problem"/> saying which check failed (for the log).</summary>
    public static IReadOnlyList<ResolvedMove>? Resolve(PublishManifest manifest, string claimFolder, InboxFolders folders, out string? problem)
    {
        problem = Problem(manifest, claimFolder, folders, out var moves);
        return problem is null ? moves : null;
    }

    private static string? Problem(PublishManifest manifest, string claimFolder, InboxFolders folders, out List<ResolvedMove> moves)
    {
        moves = [];
        if (manifest.Claim is { } claim && claim != Path.GetFileName(claimFolder))
        {
            return "written for another claim";
        }

        var family = manifest.Outcome switch
        {
            OutputFamily.SuccessOutcome => OutputFamily.Success(folders),
            OutputFamily.RejectionOutcome => OutputFamily.Rejection(folders),
            _ => null,
        };
        if (family is null)
        {
            return "unknown outcome";
        }

        if (!IsPlainName(manifest.Stem) || manifest.Stem.StartsWith('.') || manifest.Moves is not { Count: > 0 })
        {
            return "no moves, or a stem that is not a plain name";
        }

        var allowed = family.All(manifest.Stem).Append(family.Converted.For(manifest.Stem)).ToHashSet(StringComparer.Ordinal);
        var reservation = family.Reservation.For(manifest.Stem);
        for (var i = 0; i < manifest.Moves.Count; i++)
        {
            var move = manifest.Moves[i];
            if (move is null || !IsPlainName(move.From) || string.IsNullOrEmpty(move.To))
            {
                return "a move from something other than a name in the claim";
            }

            var staged = move.From.StartsWith('.');
            if (!staged && i != manifest.Moves.Count - 1)
            {
                return "the input moved before the outputs";
            }

            var target = Path.GetFullPath(Path.Combine(folders.Root, move.To));
            if (!allowed.Remove(target))
            {
                return "a move to a name outside the outcome's folders, or twice to one name";
            }

            if (move.Overwrite && target != reservation)
            {
                return "an overwrite of a name other than the reservation";
            }

            var source = Path.Combine(claimFolder, move.From);
            if (staged && SafeFile.Inspect(source) is { Kind: not EntryKind.Missing } found && found is not { Kind: EntryKind.Regular, Links: 1 })
            {
                return "a staged file that is a link, FIFO, folder or a file with two names";
            }

            moves.Add(new ResolvedMove(source, target, move.Overwrite));
        }

        return null;
    }

    /// <summary>One name: no folder separator, not <c>.</c> or <c>..</c>, no NUL.</summary>
    private static bool IsPlainName(string? name)
        => !string.IsNullOrEmpty(name) && name is not ("." or "..") && name.IndexOfAny(['/', '\\', '\0']) < 0;
}
