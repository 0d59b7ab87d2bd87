using System.Collections.Concurrent;
using System.Diagnostics;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using DocGen.Rendering.Engine;
using DocGen.Worker.IO;
using DocGen.Worker.Pdf;
using DocGen.Worker.Pipeline;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Service.Status;
using DocGen.Worker.Templates;
using Microsoft.Extensions.Logging;

namespace DocGen.Worker.Service;

/// <summary>
/// Takes one inbox entry to its end, exactly once: look at it safely (waiting while it is still
/// being written), claim it, generate the document or the report, publish. Two paths: a fresh
/// claim of an inbox entry, and the recovery of a claim a dead process left behind. A claim that
/// keeps failing for a reason of its own ends in <c>failed/</c> after <see cref="AttemptPolicy.MaxAttempts"/>.
/// </summary>
public sealed class SubmissionProcessor(
    ClaimStore claims,
    StableFileReader reader,
    Publisher publisher,
    DocumentRelease release,
    TemplateStore templates,
    SubmissionPipeline pipeline,
    PdfOutput pdf,
    PdfStage pdfStage,
    LogThrottle throttle,
    ServiceStatus status,
    ILogger<SubmissionProcessor> logger,
    SubmissionTraces? traces = null)
{
    /// <summary>
    /// Claims this process knows: those it said it takes over, and those whose attempt failed here
    /// (a claim waiting on a full disk is taken at every rescan). Only a claim left by another run is announced, once.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> _announced = new(StringComparer.Ordinal);

    /// <summary>
    /// Processes one inbox entry if it is ready. Returns false when it was left for later (still
    /// being written, no usable template yet) or taken by another process.
    /// </summary>
    public async Task<bool> TryProcessAsync(string inboxPath, CancellationToken cancellationToken)
    {
        if (templates.Current is null)
        {
            return false;
        }

        var clock = Stopwatch.StartNew();
        if (reader.TryRead(inboxPath) is not { } first)
        {
            return false;
        }

        var probe = SubmissionPipeline.Probe(first.Path, first.Read);
        var check = probe.CheckedOnceClaimed ? null : Judge(first); // a workbook is judged once claimed, where a crash in its reading is counted
        if (probe.LooksCutShort(check) ? !reader.HasSettledAfterGrace(first) : MayPass(first) && !reader.HasSettled(first))
        {
            return false; // a copy still under way (or stalled): judged once it stops changing
        }

        var claim = claims.TryClaim(inboxPath);
        reader.Forget(inboxPath);
        if (claim is null)
        {
            return false;
        }

        using var activity = traces?.Submission(Path.GetFileName(inboxPath));
        var handedOver = false;
        try
        {
            handedOver = await ProcessClaimedAsync(claim, inboxPath, first, check, clock, cancellationToken).ConfigureAwait(false);
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
                claim.Dispose();
            }
        }

        return true;
    }

    /// <summary>The attempt at a fresh claim; true when the claim was handed over to the PDF stage (which disposes it).</summary>
    private async Task<bool> ProcessClaimedAsync(Claim claim, string inboxPath, FileSnapshot first, SubmissionCheck? check, Stopwatch clock, CancellationToken cancellationToken)
    {
        claim.RecordAttempt();
        var claimed = Path.Combine(claim.Folder, Path.GetFileName(inboxPath));
        var unchanged = first.Read.Outcome != SafeReadOutcome.Read || StableFileReader.IsUnchanged(first, claimed);
        if (check is null && unchanged)
        {
            claim.Enter(ClaimStage.Reading); // a workbook, judged now that a crash in its reading counts; its bytes are not read twice
            check = Judge(first with { Path = claimed });
        }

        var read = check is not null && unchanged && (first.Read.Outcome != SafeReadOutcome.Read || !check.LooksIncomplete)
            ? (first with { Path = claimed }, check)
            : await ReadClaimedAsync(claim, claimed, cancellationToken).ConfigureAwait(false);
        return await AttemptAsync(claim, () => FinishAsync(claim, read.Item1, read.Item2, clock, pdfStops: 0, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes the claims in <c>processing/</c> that no running process owns: left by a crash, or
    /// waiting for a usable template. A claim another instance is working on is never taken over.
    /// </summary>
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
                if (_announced.TryAdd(claim.Id, 0))
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
                _announced.TryRemove(claim.Id, out _); // finished: its id never comes back
            }
        }
    }

    /// <summary>
    /// A claim left by a dead process: finish its publishing, or process it again from the start,
    /// or give it up. True when it was handed over to the PDF stage.
    /// </summary>
    private async Task<bool> ResumeAsync(Claim claim, CancellationToken cancellationToken)
    {
        if (publisher.TryFinish(claim))
        {
            return false;
        }

        if (claim.FindInput() is not { } input)
        {
            claim.Discard(); // only its own staged files were left
            return false;
        }

        traces?.Named(Path.GetFileName(input));
        var pdfStops = DocumentRelease.PdfStops(claim);
        var stoppedIn = claim.Stage;
        claim.ClearStaged(); // an interrupted attempt: start it again
        AttemptPolicy.AccountForDeath(claim);
        var clock = Stopwatch.StartNew();
        if (claim.RecordAttempt() > AttemptPolicy.MaxAttempts)
        {
            GiveUp(claim, Path.GetFileName(input), stoppedIn, clock);
            return false;
        }

        var (snapshot, check) = await ReadClaimedAsync(claim, input, cancellationToken).ConfigureAwait(false);
        return await AttemptAsync(claim, () => FinishAsync(claim, snapshot, check, clock, pdfStops, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>What is known of an entry: its check, or why it is refused unread.</summary>
    private SubmissionCheck Judge(FileSnapshot snapshot)
        => pipeline.Check(snapshot.Path, snapshot.Read);

    /// <summary>
    /// Whether a refusal can be a passing state (a hard link made before the old name is removed;
    /// a file created before its permissions are set). Links, FIFOs, folders and oversized files are refused at once.
    /// </summary>
    private static bool MayPass(FileSnapshot snapshot) => snapshot.Read.Outcome is SafeReadOutcome.HardLink or SafeReadOutcome.AccessDenied;

    private Task<(FileSnapshot, SubmissionCheck)> ReadClaimedAsync(Claim claim, string path, CancellationToken cancellationToken)
    {
        claim.Enter(ClaimStage.Reading);
        return reader.ReadSettledAsync(path, Judge, static c => c.LooksIncomplete, cancellationToken);
    }

    /// <summary>
    /// Runs one attempt. A failure of the submission is kept in the claim (for the report if it is
    /// given up); a failure of the environment does not count as an attempt. Either is passed on.
    /// </summary>
    private async Task<T> AttemptAsync<T>(Claim claim, Func<Task<T>> attempt)
    {
        try
        {
            return await attempt().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _announced.TryAdd(claim.Id, 0); // failed here: taken again at the next rescans without a word
            BestEffort(() =>
            {
                if (Failures.IsEnvironmental(ex))
                {
                    claim.UndoAttempt();
                }
                else
                {
                    claim.RecordFailure($"{ex.GetType().Name}: {ex.Message}");
                }

                claim.Enter(ClaimStage.Failed);
            });
            throw;
        }
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

    /// <summary>
    /// Generates the document and publishes it, or the report of why not. With PDF on, the claim is
    /// handed over to the PDF stage, which converts and publishes it; returns true then.
    /// </summary>
    private async Task<bool> FinishAsync(Claim claim, FileSnapshot input, SubmissionCheck check, Stopwatch clock, int pdfStops, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(input.Path);
        var template = templates.Current ?? throw new InvalidOperationException("No template is loaded.");
        claim.Enter(ClaimStage.Rendering);
        var outcome = SubmissionPipeline.Run(check, template);
        var clerk = SubmissionPipeline.AudienceOf(name) == ReportAudience.Clerk;
        if (outcome is not PipelineOutcome.Generated generated)
        {
            claim.Enter(ClaimStage.Publishing);
            Reject(claim, name, outcome.Report, outcome is PipelineOutcome.Refused, clock, clerk ? check.Submission : null);
            return false;
        }

        var staged = publisher.StageDocument(claim, generated.Document.Span);
        var facts = new DocumentFacts(name, DocumentRelease.Sha256(input.Bytes), DocumentRelease.Sha256(generated.Document.Span), generated.Document.Length,
            clock.Elapsed.TotalMilliseconds - generated.RenderTime.TotalMilliseconds, generated.RenderTime.TotalMilliseconds,
            ReceiptWarnings.Group(generated.Report.Warnings), generated.Report.WarningCount, check.Converted, template.Name, template.Sha256, DocumentTitle.For(generated.Submission.Submission))
        {
            // A clerk's workbook: its name is the blank's, so the outputs say whose they are, and its
            // warnings arrive beside the document. A program names its files itself and reads the receipt.
            Owner = clerk ? generated.Submission.Submission : null,
            WarningsNote = clerk ? ReportFormatter.ToWarningsNote(generated.Report, name, ReportAudience.Clerk) : null,
        };
        if (pdf.Converters is not { } converters)
        {
            release.Publish(claim, facts, null, clock);
            return false;
        }

        if (release.WithoutPdf(converters, facts, pdfStops) is { } refused)
        {
            release.Publish(claim, facts, refused, clock);
            return false;
        }

        claim.Enter(ClaimStage.AwaitingPdf);
        DocumentRelease.KeepPdfStops(claim, pdfStops);
        await pdfStage.HandOverAsync(claim, ct => ConvertAndPublishAsync(converters, claim, staged, facts, pdfStops, clock, ct), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>In the PDF stage: the PDF of the staged document, then publishing both. A failure is accounted for in the claim and logged; a stop leaves the claim for the next start.</summary>
    private async Task ConvertAndPublishAsync(PdfConverterPool converters, Claim claim, string staged, DocumentFacts facts, int pdfStops, Stopwatch clock, CancellationToken cancellationToken)
    {
        using var activity = traces?.Pdf();
        try
        {
            await AttemptAsync(claim, async () =>
            {
                var conversion = await release.ConvertAsync(converters, claim, staged, facts, pdfStops, cancellationToken).ConfigureAwait(false);
                release.Publish(claim, facts, conversion, clock);
                _announced.TryRemove(claim.Id, out _); // finished: its id never comes back
                return true;
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            traces?.Failed(ex);
            logger.ProcessingFailure(throttle, ex, claim.Folder);
        }
    }

    /// <summary>A claim that failed <see cref="AttemptPolicy.MaxAttempts"/> times: the input goes to <c>failed/</c> with the reason and where the last attempt stopped.</summary>
    private void GiveUp(Claim claim, string name, ClaimStage stoppedIn, Stopwatch clock)
    {
        status.ClaimGivenUp();
        Reject(claim, name, AttemptPolicy.GiveUpReport(stoppedIn, claim.LastFailure), unread: false, clock);
    }

    private void Reject(Claim claim, string name, ValidationReport report, bool unread, Stopwatch clock, Submission? owner = null)
    {
        var text = ReportFormatter.ToText(report, name, SubmissionPipeline.AudienceOf(name)); // one formatting for the file and the status page
        var path = publisher.PublishRejection(claim, name, report, text, owner);
        logger.Rejected(name, clock.Elapsed.TotalMilliseconds, report.ErrorCount, path);
        status.Rejected(name, unread, publisher.RelativePath(path), [.. report.Errors.Select(static e => e.Code).Distinct()], text, clock.Elapsed);
    }
}
