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
        if (manifest.Claim != Path.GetFileName(claimFolder))
        {
            return "written for another claim, or naming none";
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
            if (staged && SafeFile.Inspect(source) is { Kind: not EntryKind.Missing } found && found is not { Kind: EntryKind.Regular, Links: 1 } && !HalfMoved(found, target))
            {
                return "a staged file that is a link, FIFO, folder or a file with two names";
            }

            moves.Add(new ResolvedMove(source, target, move.Overwrite));
        }

        return moves.Count(static m => m.Overwrite) == 1 && moves.Any(m => m.Overwrite && m.Target == reservation) ? null : "not exactly one move over its reservation";
    }

    /// <summary>A staged file whose second name is its own target: a move by link and unlink (on shares that refuse a rename without replacement) that a crash cut in two.</summary>
    private static bool HalfMoved(EntryInfo staged, string target)
        => staged is { Kind: EntryKind.Regular, Links: 2 } && SafeFile.Inspect(target) is { Kind: EntryKind.Regular } other && other.Inode == staged.Inode && other.Device == staged.Device;

    /// <summary>One name of this platform: no folder separator, not <c>.</c> or <c>..</c>, no NUL (a backslash is an ordinary character on Linux).</summary>
    private static bool IsPlainName(string? name)
        => !string.IsNullOrEmpty(name) && name is not ("." or "..") && name.IndexOfAny(s_invalid) < 0;

    private static readonly char[] s_invalid = Path.GetInvalidFileNameChars();
}
