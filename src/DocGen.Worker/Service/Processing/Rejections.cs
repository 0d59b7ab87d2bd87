using System.Diagnostics;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using DocGen.Worker.Pipeline;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Service.Status;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// Ends a claim with its report in <c>failed/</c> — a submission refused, rejected or impossible to
/// fill in, or a claim given up — and tells the log and the status pages.
/// </summary>
/// <param name="logger">The processor's: its lines keep their category.</param>
public sealed class Rejections(Publisher publisher, ServiceStatus status, ILogger<SubmissionProcessor> logger)
{
    /// <summary>Publishes the report; <paramref name="owner"/> names the outputs after a clerk's unit and year.</summary>
    public async Task RejectAsync(Claim claim, string name, ValidationReport report, bool unread, Stopwatch clock, Submission? owner, CancellationToken cancellationToken)
    {
        var text = ReportFormatter.ToText(report, name, SubmissionPipeline.AudienceOf(name)); // one formatting for the file and the status page
        var path = await publisher.PublishRejectionAsync(claim, name, report, text, owner, cancellationToken).ConfigureAwait(false);
        logger.Rejected(name, clock.Elapsed.TotalMilliseconds, report.ErrorCount, path);
        status.Rejected(name, unread, publisher.RelativePath(path), [.. report.Errors.Select(static e => e.Code).Distinct()], text, clock.Elapsed);
    }

    /// <summary>A claim that failed <see cref="AttemptPolicy.MaxAttempts"/> times: the input goes to <c>failed/</c> with the reason and where the last attempt stopped.</summary>
    public Task GiveUpAsync(Claim claim, string name, ClaimStage stoppedIn, Stopwatch clock, CancellationToken cancellationToken)
    {
        status.ClaimGivenUp();
        return RejectAsync(claim, name, AttemptPolicy.GiveUpReport(stoppedIn, claim.LastFailure), unread: false, clock, owner: null, cancellationToken);
    }
}
