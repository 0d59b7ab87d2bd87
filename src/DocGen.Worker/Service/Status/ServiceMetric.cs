namespace DocGen.Worker.Service.Status;

/// <summary>
/// One figure of the service, declared once (<see cref="ServiceMetrics"/>) and written both to
/// <c>/metrics</c> (<see cref="PrometheusName"/>: a counter's name ends in <c>_total</c> there)
/// and to the OTLP meter (<see cref="OtelName"/>): its help text, unit and how to read its values.
/// </summary>
public sealed record ServiceMetric(string PrometheusName, string OtelName, bool IsCounter, string Help, string? Unit, Func<IEnumerable<MetricPoint>> Read);
