using System.Collections.Concurrent;
using DocGen.Worker.Service.Claims;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// What this process accounts for of its attempts at claims: a failed attempt is kept in its claim
/// (a failure of the submission counts as an attempt, one of the environment does not:
/// <see cref="Failures"/>), and the claims it knows are remembered — those it said it takes over,
/// and those whose attempt failed here (a claim waiting on a full disk is taken at every rescan) —
/// so that only a claim left by another run is announced, once.
/// </summary>
public sealed class ClaimAttempts
{
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    /// <summary>Whether the claim is new to this process; it is known from now on.</summary>
    public bool IsNew(Claim claim) => _known.TryAdd(claim.Id, 0);

    /// <summary>The claim is finished: its id never comes back.</summary>
    public void Finished(Claim claim) => _known.TryRemove(claim.Id, out _);

    /// <summary>
    /// An attempt failed with <paramref name="exception"/>: kept in the claim for the report if it
    /// is given up, or taken back when the environment was at fault; the caller passes it on.
    /// </summary>
    public void Failed(Claim claim, Exception exception)
    {
        _known.TryAdd(claim.Id, 0); // failed here: taken again at the next rescans without a word
        BestEffort(() =>
        {
            if (Failures.IsEnvironmental(exception))
            {
                claim.UndoAttempt();
            }
            else
            {
                claim.RecordFailure($"{exception.GetType().Name}: {exception.Message}");
            }

            claim.Enter(ClaimStage.Failed);
        });
    }

    /// <summary>Bookkeeping that must not hide the failure being handled (the log has it).</summary>
    private static void BestEffort(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ignored) when (ignored is IOException or UnauthorizedAccessException)
        {
        }
    }
}
