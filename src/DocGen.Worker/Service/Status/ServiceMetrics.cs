using DocGen.Worker.Templates;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// The service's figures, each declared here once, with its help text: <see cref="PrometheusText"/>
/// writes them to <c>/metrics</c> and <see cref="ServiceMeters"/> observes them for OTLP, so that the
/// two can never say different things. Read when scraped or collected, from what the service keeps.
/// The processing-time histogram is recorded as each submission ends (<see cref="ProcessingHelp"/>).
/// </summary>
public sealed class ServiceMetrics(ServiceStatus status, TemplateStore templates, PdfOutput pdf, InboxService inbox, TimeProvider time)
{
    /// <summary>The processing-time histogram's help: written to both outputs from here.</summary>
    public const string ProcessingHelp = "From the claim to the last output in place (PDF included), per submission.";

    private IReadOnlyList<ServiceMetric>? _all;

    public IReadOnlyList<ServiceMetric> All => _all ??= [.. Declare()];

    private IEnumerable<ServiceMetric> Declare()
    {
        yield return new("docgen_submissions_total", "docgen.submissions", true, "Submissions ended, by outcome (published, rejected, refused unread) and format (json, xlsx, other).", null,
            () => status.Submissions.OrderBy(static s => s.Key.End).ThenBy(static s => s.Key.Format, StringComparer.Ordinal)
                .Select(static s => new MetricPoint(s.Value, [new("outcome", PrometheusText.Label(s.Key.End)), new("format", s.Key.Format)])));
        yield return new("docgen_queue_depth", "docgen.queue.depth", false, "Inbox entries queued or being processed, and documents waiting for their PDF.", null, () => [MetricPoint.Of(inbox.Queued)]);
        yield return new("docgen_queue_oldest_seconds", "docgen.queue.oldest", false, "How long the inbox entry queued first has waited or been in progress.", "s", () => [MetricPoint.Of((long)inbox.OldestWaiting.TotalSeconds)]);
        yield return new("docgen_claims_recovered_total", "docgen.claims.recovered", true, "Claims taken over from a run that died (or that waited on a fault).", null, () => [MetricPoint.Of(status.Recovered)]);
        yield return new("docgen_claims_given_up_total", "docgen.claims.given_up", true, "Claims given up after repeated failures (S1).", null, () => [MetricPoint.Of(status.GivenUp)]);
        yield return new("docgen_template_reloads_total", "docgen.template.reloads", true, "Template versions put in use, or refused (the last good one stays).", null,
            () => [MetricPoint.Of(templates.Loaded, "result", "loaded"), MetricPoint.Of(templates.Refused, "result", "refused")]);
        yield return new("docgen_template_ok", "docgen.template.ok", false, "1 when the template file on disk is the one in use, 0 when a replacement was refused or none compiles.", null,
            () => [MetricPoint.Of(templates.Current is not null && templates.Problems is null ? 1 : 0)]);
        yield return new("docgen_pdf_converters", "docgen.pdf.converters", false, "LibreOffice converters configured (0: PDF off).", null, () => [MetricPoint.Of(pdf.Converters?.Converters ?? 0)]);
        if (pdf.Converters is { } converters)
        {
            yield return new("docgen_pdf_conversions_total", "docgen.pdf.conversions", true, "PDF conversions: made, failed after the retry (published without the PDF), deferred for the environment (made later), refused for the document's size.", null, () =>
            {
                var (converted, failed, refused) = converters.Conversions;
                return [MetricPoint.Of(converted, "result", "ok"), MetricPoint.Of(failed, "result", "failed"), MetricPoint.Of(converters.Deferred, "result", "deferred"), MetricPoint.Of(refused, "result", "refused")];
            });
            yield return new("docgen_pdf_converter_starts_total", "docgen.pdf.converter.starts", true, "LibreOffice converters started (the first of each slot, then one per restart after a failure).", null, () => [MetricPoint.Of(converters.Starts)]);
        }

        yield return new("docgen_uptime_seconds", "docgen.uptime", false, "Seconds since the service started.", "s", () => [MetricPoint.Of((long)(time.GetUtcNow() - status.StartedAt).TotalSeconds)]);
    }
}
