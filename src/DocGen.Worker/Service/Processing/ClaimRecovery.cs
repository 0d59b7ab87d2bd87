using System.Diagnostics;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Service.Status;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// Finishes the claims in <c>processing/</c> that no running process owns — left by a crash, or
/// waiting for a usable template: its publishing finished from its manifest, or it is processed
/// again from the start (<see cref="ClaimRunner"/>), or, after <see cref="AttemptPolicy.MaxAttempts"/>
/// attempts, given up with S1. A claim another instance is working on is never taken over.
/// </summary>
/// <param name="logger">The processor's: its lines keep their category.</param>
public sealed class ClaimRecovery(
    TemplateStore templates,
    ClaimStore claims,
    Publisher publisher,
    ClaimRunner runner,
    Rejections rejections,
    ClaimAttempts attempts,
    ServiceStatus status,
    LogThrottle throttle,
    ILogger<SubmissionProcessor> logger,
    SubmissionTraces? traces = null)
{
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        if (templates.Current is null)
        {
            return; // nothing could be rendered: leave the claims for when a template compiles
        }

        foreach (var claim in claims.TakeAbandoned())
        {
            using var activity = traces?.Recovered(claim.Id);
            var handedOver = false;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (attempts.IsNew(claim))
                {
                    logger.Recovering(claim.Id);
                    status.ClaimRecovered();
                }

                handedOver = await ResumeAsync(claim, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                traces?.Failed(ex);
                logger.ProcessingFailure(throttle, ex, claim.Folder);
            }
            finally
            {
                if (!handedOver)
                {
                    claim.Dispose();
                }
            }

            if (!handedOver && !Directory.Exists(claim.Folder))
            {
                attempts.Finished(claim);
            }
        }
    }

    /// <summary>
    /// A claim left by a dead process: finish its publishing, or process it again from the start,
    /// or give it up. True when it was handed over to the PDF stage.
    /// </summary>
    private async Task<bool> ResumeAsync(Claim claim, CancellationToken cancellationToken)
    {
        if (await publisher.TryFinishAsync(claim, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (claim.FindInput() is not { } input)
        {
            claim.Discard(); // only its own staged files were left
            return false;
        }

        traces?.Named(Path.GetFileName(input));
        var pdfStops = PdfStops.Of(claim);
        var stoppedIn = claim.Stage;
        claim.ClearStaged(); // an interrupted attempt: start it again
        AttemptPolicy.AccountForDeath(claim);
        var clock = Stopwatch.StartNew();
        if (claim.RecordAttempt() > AttemptPolicy.MaxAttempts)
        {
            await rejections.GiveUpAsync(claim, Path.GetFileName(input), stoppedIn, clock, cancellationToken).ConfigureAwait(false);
            return false;
        }

        return await runner.RunAgainAsync(claim, input, clock, pdfStops, cancellationToken).ConfigureAwait(false);
    }
}
