using DocGen.Worker.Service.Status;
using Microsoft.Extensions.Configuration;
using DocGen.Core.Rules;

namespace DocGen.Worker.Tests.Service.Status;

/// <summary>OTLP export as an operator turns it on: the standard <c>OTEL_*</c> variables on a real <c>docgen run</c>, a collector listening.</summary>
public sealed class OpenTelemetryExportTests
{
    [Fact]
    public async Task WithTheStandardVariables_EachSubmissionIsATraceAndTheMetricsReachTheCollector()
    {
        using var collector = new OtlpCollector();
        await using var box = new ServiceSandbox();
        using var process = box.StartProcess(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_SERVICE_NAME"] = "docgen-office-7",
        }, []);

        box.Drop("seed.json", ServiceSandbox.SeedJson);
        box.Drop("bad.json", """{ "kind": "combined" }""");
        await ServiceSandbox.Eventually(() => File.Exists(Path.Combine(box.Archive, "seed.json")) && File.Exists(Path.Combine(box.Failed, "bad.json")), "both ended", 60);

        await ServiceSandbox.Eventually(() => collector.Received("/v1/traces", "docgen.submission", "docgen.input", "seed.json", "published")
            && collector.Received("/v1/traces", "bad.json", "rejected", "docgen.rule_codes", RuleCodes.V1), "a span for each submission, with its outcome", 30, collector.Summary);
        await ServiceSandbox.Eventually(() => collector.Received("/v1/metrics", "docgen.submissions", "docgen.processing.duration", "docgen.queue.depth", "published", "rejected"),
            "the service's meters", 30, collector.Summary);
        Assert.True(collector.Received("/v1/traces", "service.name", "docgen-office-7")); // the operator's name for this instance
        Assert.False(collector.Received("/v1/traces", "broken.json")); // the warm-up's rehearsal (sample.json, broken.json) is not traced
    }

    [Theory]
    [InlineData(null, null, null, false, false)]
    [InlineData("http://collector:4318", null, null, true, true)]
    [InlineData(null, "http://collector:4318/v1/traces", null, true, false)]
    [InlineData(null, null, "http://collector:4318/v1/metrics", false, true)]
    [InlineData(" ", null, null, false, false)]
    public void ExportIsOn_OnlyWhereAnEndpointIsNamed(string? any, string? traces, string? metrics, bool tracesOn, bool metricsOn)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [OpenTelemetryExport.Endpoint] = any,
            [OpenTelemetryExport.TracesEndpoint] = traces,
            [OpenTelemetryExport.MetricsEndpoint] = metrics,
        }).Build();

        Assert.Equal((tracesOn, metricsOn), OpenTelemetryExport.Configured(configuration));
    }
}
