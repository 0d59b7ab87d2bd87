using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// OTLP export, on only when the standard variables name a collector: traces
/// (<see cref="SubmissionTraces"/>) with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>, metrics (<see cref="ServiceMeters"/> and the .NET
/// runtime's own meter) with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or
/// <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>. The exporter reads the other <c>OTEL_*</c> variables
/// itself (protocol, headers, export interval); <c>OTEL_SERVICE_NAME</c> (default <c>docgen</c>) is
/// passed on here, as the resource's own name would otherwise replace it.
/// </summary>
public static class OpenTelemetryExport
{
    public const string Endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string TracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string MetricsEndpoint = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";

    /// <summary>What is exported, from the configuration (environment variables included); (false, false) when nothing is.</summary>
    public static (bool Traces, bool Metrics) Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var any = !string.IsNullOrWhiteSpace(configuration[Endpoint]);
        return (any || !string.IsNullOrWhiteSpace(configuration[TracesEndpoint]), any || !string.IsNullOrWhiteSpace(configuration[MetricsEndpoint]));
    }

    public static IServiceCollection AddOpenTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        var (traces, metrics) = Configured(configuration);
        if (!traces && !metrics)
        {
            return services;
        }

        var serviceName = string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]) ? "docgen" : configuration["OTEL_SERVICE_NAME"]!;
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(serviceName));
        if (traces)
        {
            services.AddSingleton<SubmissionTraces>();
            telemetry.WithTracing(static tracing => tracing.AddSource(SubmissionTraces.SourceName).AddOtlpExporter());
        }

        if (metrics)
        {
            services.AddSingleton<ServiceMeters>();
            telemetry.WithMetrics(static meters => meters
                .AddMeter(ServiceMeters.MeterName, "System.Runtime")
                .AddInstrumentation(static sp => sp.GetRequiredService<ServiceMeters>())
                .AddOtlpExporter());
        }

        return services;
    }
}
