using System.Diagnostics;
using DocGen.Core.Validation;
using DocGen.Worker.IO;
using DocGen.Worker.Pipeline;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Service.Status;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// Runs attempts at claims — a fresh one from the <see cref="ReadinessGate"/>, or one taken over
/// again by <see cref="ClaimRecovery"/> — each counted in its claim: the claimed file read and
/// checked as far as that was not done before the claim, then released (<see cref="DocumentRelease"/>).
/// A failure of the release is accounted for (<see cref="ClaimAttempts"/>) and passed on.
/// </summary>
public sealed class ClaimRunner(
    StableFileReader reader,
    SubmissionPipeline pipeline,
    DocumentRelease release,
    ClaimAttempts attempts,
    SubmissionTraces? traces = null)
{
    /// <summary>The first attempt at a fresh claim; the claim is disposed after it unless the PDF stage took it over.</summary>
    public async Task RunAsync(ClaimedEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var activity = traces?.Submission(Path.GetFileName(entry.First.Path));
        var handedOver = false;
        try
        {
            handedOver = await FirstAttemptAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            traces?.Failed(ex); // the caller logs and retries it
            throw;
        }
        finally
        {
            if (!handedOver)
            {
                entry.Claim.Dispose();
            }
        }
    }

    /// <summary>
    /// An attempt at a claim taken over again from its start (its count already recorded): its
    /// <paramref name="input"/> read and checked, then released. True when handed over to the PDF stage.
    /// </summary>
    public async Task<bool> RunAgainAsync(Claim claim, string input, Stopwatch clock, int pdfStops, CancellationToken cancellationToken)
    {
        var (snapshot, check) = await ReadClaimedAsync(claim, input, cancellationToken).ConfigureAwait(false);
        return await ReleaseAsync(claim, snapshot, check, clock, pdfStops, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The attempt at a fresh claim; true when the claim was handed over to the PDF stage (which disposes it).</summary>
    private async Task<bool> FirstAttemptAsync(ClaimedEntry entry, CancellationToken cancellationToken)
    {
        var (claim, first, check) = (entry.Claim, entry.First, entry.Check);
        claim.RecordAttempt();
        var claimed = Path.Combine(claim.Folder, Path.GetFileName(first.Path));
        var unchanged = first.Read.Outcome != SafeReadOutcome.Read || StableFileReader.IsUnchanged(first, claimed);
        if (check is null && unchanged)
        {
            claim.Enter(ClaimStage.Reading); // checked now that a crash in its reading counts; its bytes are not read twice
            check = Judge(first with { Path = claimed });
        }

        var read = check is not null && unchanged && (first.Read.Outcome != SafeReadOutcome.Read || !check.LooksIncomplete)
            ? (first with { Path = claimed }, check)
            : await ReadClaimedAsync(claim, claimed, cancellationToken).ConfigureAwait(false);
        return await ReleaseAsync(claim, read.Item1, read.Item2, entry.Clock, pdfStops: 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What is known of an entry: its check, or why it is refused unread.</summary>
    private SubmissionCheck Judge(FileSnapshot snapshot) => pipeline.Check(snapshot.Path, snapshot.Read);

    private Task<(FileSnapshot, SubmissionCheck)> ReadClaimedAsync(Claim claim, string path, CancellationToken cancellationToken)
    {
        claim.Enter(ClaimStage.Reading);
        return reader.ReadSettledAsync(path, Judge, static c => c.LooksIncomplete, cancellationToken);
    }

    /// <summary>
    /// Releases the checked file. A failure of the submission is kept in the claim (for the report
    /// if it is given up); a failure of the environment does not count as an attempt. Either is passed on.
    /// </summary>
    private async Task<bool> ReleaseAsync(Claim claim, FileSnapshot input, SubmissionCheck check, Stopwatch clock, int pdfStops, CancellationToken cancellationToken)
    {
        try
        {
            return await release.FinishAsync(claim, input, check, clock, pdfStops, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            attempts.Failed(claim, ex);
            throw;
        }
    }
}
