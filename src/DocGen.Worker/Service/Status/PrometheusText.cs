using System.Globalization;
using System.Text;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// <c>GET /metrics</c>: the service's figures (<see cref="ServiceMetrics"/>, declared there once) in
/// the Prometheus text format (version 0.0.4), read when scraped, with the processing-time
/// histogram and the .NET runtime's own figures.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(ServiceMetrics metrics, ServiceStatus status)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        foreach (var metric in metrics.All)
        {
            Header(text, metric.PrometheusName, metric.IsCounter ? "counter" : "gauge", metric.Help);
            foreach (var point in metric.Read())
            {
                var labels = point.Labels.Count == 0 ? "" : "{" + string.Join(",", point.Labels.Select(static l => $"{l.Key}=\"{l.Value}\"")) + "}";
                Line(text, metric.PrometheusName + labels, point.Value);
            }
        }

        var (buckets, sum, timed) = status.Histogram();
        Header(text, "docgen_processing_seconds", "histogram", ServiceMetrics.ProcessingHelp);
        for (var i = 0; i < ServiceStatus.Buckets.Length; i++)
        {
            Line(text, $"docgen_processing_seconds_bucket{{le=\"{ServiceStatus.Buckets[i].ToString(CultureInfo.InvariantCulture)}\"}}", buckets[i]);
        }

        Line(text, "docgen_processing_seconds_bucket{le=\"+Inf\"}", timed);
        text.Append("docgen_processing_seconds_sum ").Append(sum.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        Line(text, "docgen_processing_seconds_count", timed);
        Gauge(text, "process_working_set_bytes", "The service's resident memory.", Environment.WorkingSet);
        AppendRuntime(text);
        return text.ToString();
    }

    /// <summary>The metric label of an ending (also the trace's <c>docgen.outcome</c>).</summary>
    public static string Label(SubmissionEnd end) => end switch
    {
        SubmissionEnd.Published => "published",
        SubmissionEnd.Rejected => "rejected",
        _ => "refused",
    };

    /// <summary>The .NET runtime's own figures, read when scraped: CPU, the garbage collector, the thread pool.</summary>
    private static void AppendRuntime(StringBuilder text)
    {
        Header(text, "process_cpu_seconds_total", "counter", "CPU time the service has used (user and system).");
        text.Append("process_cpu_seconds_total ").Append(Environment.CpuUsage.TotalTime.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        Header(text, "dotnet_gc_collections_total", "counter", "Garbage collections by generation.");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            Line(text, $"dotnet_gc_collections_total{{generation=\"gen{generation}\"}}", GC.CollectionCount(generation));
        }

        Gauge(text, "dotnet_gc_heap_size_bytes", "Bytes in the managed heap after the last collection.", GC.GetGCMemoryInfo().HeapSizeBytes);
        Gauge(text, "dotnet_gc_allocated_bytes", "Bytes allocated since the start (a counter's value, kept as a gauge by the runtime's naming).", GC.GetTotalAllocatedBytes());
        Gauge(text, "dotnet_thread_pool_threads", "Thread-pool threads.", ThreadPool.ThreadCount);
        Gauge(text, "dotnet_thread_pool_queue_length", "Work items waiting for a thread-pool thread.", ThreadPool.PendingWorkItemCount);
    }

    private static void Gauge(StringBuilder text, string name, string help, long value)
    {
        Header(text, name, "gauge", help);
        Line(text, name, value);
    }

    private static void Header(StringBuilder text, string name, string type, string help)
        => text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder text, string series, long value)
        => text.Append(series).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
