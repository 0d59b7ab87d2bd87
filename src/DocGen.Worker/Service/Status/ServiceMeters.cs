using System.Diagnostics.Metrics;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// The figures of <c>/metrics</c> (<see cref="ServiceMetrics"/>, declared there once) as
/// OpenTelemetry instruments of the meter <see cref="MeterName"/>, for OTLP export
/// (<see cref="OpenTelemetryExport"/>): observed when the exporter collects, and the
/// processing-time histogram recorded as each submission ends. Created only when metrics are exported.
/// </summary>
public sealed class ServiceMeters
{
    public const string MeterName = "DocGen";

    private readonly Histogram<double> _duration;

    public ServiceMeters(IMeterFactory meters, ServiceMetrics metrics, ServiceStatus status)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(status);
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram("docgen.processing.duration", "s", ServiceMetrics.ProcessingHelp,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ServiceStatus.Buckets });
        status.Ended += (outcome, took) => _duration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("outcome", PrometheusText.Label(outcome.End)));
        foreach (var metric in metrics.All)
        {
            var read = metric.Read;
            IEnumerable<Measurement<long>> Observe() => read().Select(static p => new Measurement<long>(p.Value, p.Labels.Select(static l => new KeyValuePair<string, object?>(l.Key, l.Value))));
            if (metric.IsCounter)
            {
                meter.CreateObservableCounter(metric.OtelName, Observe, metric.Unit, metric.Help);
            }
            else
            {
                meter.CreateObservableGauge(metric.OtelName, Observe, metric.Unit, metric.Help);
            }
        }
    }
}
