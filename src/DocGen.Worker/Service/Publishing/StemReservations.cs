using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Claims;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Reserves the versioned stem (<c>x</c>, <c>x.2</c>, …) a claim's outputs are named by: a
/// placeholder written in the claim (<c>"state": "publishing"</c>) is renamed to the family's
/// reservation name without overwriting, so it appears whole and two processes never get the same
/// stem. The claim keeps which name it reserved, so a redo finds its own reservation at once (and
/// frees one of the other outcome's). The first free version is found by galloping from the last
/// version this process saw taken, then halving: a name with 100,000 versions costs a few dozen
/// looks the first time and one after. A link, FIFO or folder planted under a reservation name is
/// moved aside, never opened; a placeholder is read with a small bound.
/// </summary>
internal sealed class StemReservations(InboxFolders folders, Quarantine quarantine)
{
    /// <summary>The placeholder's staged name in the claim.</summary>
    private const string StagedReservation = ".docgen-reservation";

    /// <summary>A placeholder is under 200 bytes; a file larger than this under a reservation name is a finished receipt or report.</summary>
    private const int MaxPlaceholderBytes = 4096;

    /// <summary>Names remembered before the memory starts again (each is a few dozen bytes).</summary>
    private const int MaxRemembered = 4096;

    /// <summary>The highest version of a name (<see cref="OutputStem.MaxBytes"/> leaves room for <c>.99999</c>); past it a submission of that name is refused.</summary>
    public const int MaxVersion = 99_999;

    private readonly ConcurrentDictionary<(string Outcome, string Stem), int> _lastTaken = new();

    public string Reserve(OutputFamily family, Claim claim, string baseStem)
    {
        if (Earlier(family, claim, ref baseStem) is { } own)
        {
            return own;
        }

        var placeholder = Encoding.UTF8.GetBytes($"{{\"reservedBy\":\"{claim.Id}\",\"state\":\"publishing\"}}\n");
        var staged = claim.Staged(StagedReservation);
        var key = (family.Outcome, baseStem);
        var n = FirstFree(family, baseStem, _lastTaken.GetValueOrDefault(key));
        while (true)
        {
            var stem = InboxFolders.Versioned(baseStem, n);
            var reservation = family.Reservation.For(stem);
            claim.RecordReservation(family.Outcome + "\n" + stem);
            if (SafeFile.Inspect(staged).Kind != EntryKind.Missing)
            {
                claim.Vacate(staged); // planted in the claim while it was worked on
            }

            StagedFile.Write(staged, placeholder, flushToDisk: false); // a scratch file: the receipt or report replaces it, flushed
            try
            {
                NoReplaceMove.Move(staged, reservation);
                Remember(key, n);
                return stem;
            }
            catch (IOException) when (SafeFile.Inspect(reservation).Kind != EntryKind.Missing)
            {
                File.Delete(staged); // another process reserved this stem a moment ago: the next
                n = FirstFree(family, baseStem, n);
            }
            catch (DirectoryNotFoundException)
            {
                File.Delete(staged); // the output folder is gone: the caller recreates it and starts again
                throw;
            }
        }
    }

    /// <summary>Whether the file at <paramref name="reservation"/> is the placeholder <paramref name="claimId"/> wrote (read with a small bound, never through a link).</summary>
    public static bool IsReservedBy(string reservation, string claimId)
        => Placeholder(OwnFile.ReadSmall(reservation, MaxPlaceholderBytes)) is { } owner && owner == claimId;

    /// <summary>Whether the file at <paramref name="reservation"/> is a placeholder (a publish under way), whoever wrote it.</summary>
    public static bool IsPlaceholder(string reservation) => Placeholder(OwnFile.ReadSmall(reservation, MaxPlaceholderBytes)) is not null;

    /// <summary>The claim a placeholder names (<c>{"reservedBy": …, "state": "publishing"}</c>), parsed; null when the bytes are not a placeholder (a finished receipt or report, or nothing).</summary>
    public static string? Placeholder(byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String && state.ValueEquals("publishing")
                && root.TryGetProperty("reservedBy", out var owner) && owner.ValueKind == JsonValueKind.String
                ? owner.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The stem an earlier attempt of this claim reserved in this family, kept; an earlier
    /// reservation in the other family (the attempt ended otherwise) is removed, its stem freed.
    /// The claim's note (outcome and stem) is read as data, never as a path: the reservation's
    /// name is made from it as any other, and only a placeholder of this claim is touched.
    /// </summary>
    private string? Earlier(OutputFamily family, Claim claim, ref string baseStem)
    {
        // The claim's id in the placeholder proves the stem is this claim's, whatever name this attempt
        // would give (a redo that could not read the unit any more, an S1 report): the stem is kept.
        if (claim.Reservation?.Split('\n') is not [var outcome, var stem] || stem.Length == 0 || stem.StartsWith('.') || stem.IndexOfAny(s_invalid) >= 0)
        {
            return null;
        }

        var earlierFamily = outcome == family.Outcome ? family : outcome switch
        {
            OutputFamily.SuccessOutcome => OutputFamily.Success(folders),
            OutputFamily.RejectionOutcome => OutputFamily.Rejection(folders),
            _ => null,
        };
        if (earlierFamily?.Reservation.For(stem) is not { } earlier || !IsReservedBy(earlier, claim.Id))
        {
            return null;
        }

        if (earlierFamily == family)
        {
            return stem; // its placeholder is still there: the stem stays this claim's
        }

        File.Delete(earlier); // the attempt ended otherwise: that stem is freed,
        baseStem = UnversionedOf(stem); // and the name it gave is kept (区直工委-2021-申报表, not the dropped 申报表)
        return null;
    }

    /// <summary>A versioned stem's name without its version (<c>x.3</c> → <c>x</c>).</summary>
    private static string UnversionedOf(string stem)
        => stem.LastIndexOf('.') is var dot and > 0 && int.TryParse(stem.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2 ? stem[..dot] : stem;

    private static readonly char[] s_invalid = Path.GetInvalidFileNameChars();

    /// <summary>
    /// A free version after <paramref name="known"/> (one seen taken; 0 when none is): galloping until
    /// a free one, then halving back to a free one just after a taken one (the first free one when
    /// the versions have no gaps). Throws when every version up to <see cref="MaxVersion"/> is taken.
    /// </summary>
    private int FirstFree(OutputFamily family, string baseStem, int known)
    {
        long taken = known;
        long free = known + 1;
        for (long step = 1; free <= MaxVersion && IsTaken(family, InboxFolders.Versioned(baseStem, (int)free)); step *= 2)
        {
            taken = free;
            free = taken + step;
        }

        free = Math.Min(free, MaxVersion + 1L);
        while (free - taken > 1)
        {
            var middle = taken + ((free - taken) / 2);
            if (IsTaken(family, InboxFolders.Versioned(baseStem, (int)middle)))
            {
                taken = middle;
            }
            else
            {
                free = middle;
            }
        }

        return free <= MaxVersion ? (int)free
            : throw new IOException(string.Create(CultureInfo.InvariantCulture, $"每个版本号（至 {MaxVersion}）都已被占用 every version of the name '{baseStem}' up to {MaxVersion} is taken"));
    }

    /// <summary>Whether any name of the stem's family exists; a link, FIFO or folder under its reservation name is moved aside first.</summary>
    private bool IsTaken(OutputFamily family, string stem)
    {
        var reservation = family.Reservation.For(stem);
        var found = SafeFile.Inspect(reservation).Kind;
        if (found is not (EntryKind.Regular or EntryKind.Missing) && quarantine.MoveAside(reservation, QuarantineReason.PlantedOutputName))
        {
            found = SafeFile.Inspect(reservation).Kind;
        }

        return found != EntryKind.Missing || family.Others.Any(o => SafeFile.Inspect(o.For(stem)).Kind != EntryKind.Missing);
    }

    private void Remember((string Outcome, string Stem) key, int n)
    {
        if (_lastTaken.Count >= MaxRemembered)
        {
            _lastTaken.Clear();
        }

        _lastTaken.AddOrUpdate(key, n, (_, seen) => Math.Max(seen, n));
    }
}
