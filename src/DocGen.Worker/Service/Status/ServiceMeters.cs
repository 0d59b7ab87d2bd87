using System.Diagnostics.Metrics;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// The figures of <c>/metrics</c> as OpenTelemetry instruments of the meter <see cref="MeterName"/>,
/// for OTLP export (<see cref="OpenTelemetryExport"/>): counters and gauges observed from what the
/// service keeps when the exporter collects, and the processing-time histogram recorded as each
/// submission ends. Created only when metrics are exported.
/// </summary>
public sealed class ServiceMeters
{
    public const string MeterName = "DocGen";

    private readonly Histogram<double> _duration;

    public ServiceMeters(IMeterFactory meters, ServiceStatus status, TemplateStore templates, PdfOutput pdf, InboxService inbox)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(inbox);
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram("docgen.processing.duration", "s", "From the claim to the last output in place (PDF included), per submission.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ServiceStatus.Buckets });
        status.Ended += (outcome, took) => _duration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("outcome", PrometheusText.Label(outcome.End)));
        meter.CreateObservableCounter("docgen.submissions", () => status.Submissions.Select(static s => new Measurement<long>(s.Value,
            new KeyValuePair<string, object?>("outcome", PrometheusText.Label(s.Key.End)), new KeyValuePair<string, object?>("format", s.Key.Format))),
            description: "Submissions ended, by outcome and format.");
        meter.CreateObservableGauge("docgen.queue.depth", () => inbox.Queued, description: "Inbox entries queued or being processed, and documents waiting for their PDF.");
        meter.CreateObservableGauge("docgen.queue.oldest", () => inbox.OldestWaiting.TotalSeconds, "s", "How long the inbox entry queued first has waited or been in progress.");
        meter.CreateObservableCounter("docgen.claims.recovered", () => status.Recovered, description: "Claims taken over from a run that died (or that waited on a fault).");
        meter.CreateObservableCounter("docgen.claims.given_up", () => status.GivenUp, description: "Claims given up after repeated failures (S1).");
        meter.CreateObservableCounter("docgen.template.reloads", () => new[]
        {
            new Measurement<long>(templates.Loaded, new KeyValuePair<string, object?>("result", "loaded")),
            new Measurement<long>(templates.Refused, new KeyValuePair<string, object?>("result", "refused")),
        }, description: "Template versions put in use, or refused (the last good one stays).");
        if (pdf.Converters is { } converters)
        {
            meter.CreateObservableCounter("docgen.pdf.conversions", () =>
            {
                var (converted, failed, refused) = converters.Conversions;
                return new[]
                {
                    new Measurement<long>(converted, new KeyValuePair<string, object?>("result", "ok")),
                    new Measurement<long>(failed, new KeyValuePair<string, object?>("result", "failed")),
                    new Measurement<long>(refused, new KeyValuePair<string, object?>("result", "refused")),
                };
            }, description: "PDF conversions: made, failed after the retry, refused for the document's size.");
            meter.CreateObservableCounter("docgen.pdf.converter.starts", () => converters.Starts, description: "LibreOffice converters started.");
        }
    }
}
