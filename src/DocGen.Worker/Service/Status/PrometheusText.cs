using System.Globalization;
using System.Text;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// <c>GET /metrics</c>: the service's figures in the Prometheus text format (version 0.0.4), read
/// from <see cref="ServiceStatus"/> and the template store when scraped.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(ServiceStatus status, TemplateStore templates, int queued, TimeSpan oldest, PdfOutput pdf, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(time);
        var text = new StringBuilder();
        Header(text, "docgen_submissions_total", "counter", "Submissions ended, by outcome (published, rejected, refused unread) and format (json, xlsx, other).");
        foreach (var ((end, format), count) in status.Submissions.OrderBy(static s => s.Key.End).ThenBy(static s => s.Key.Format, StringComparer.Ordinal))
        {
            Line(text, $"docgen_submissions_total{{outcome=\"{Label(end)}\",format=\"{format}\"}}", count);
        }

        var (buckets, sum, timed) = status.Histogram();
        Header(text, "docgen_processing_seconds", "histogram", "From the claim to the last output in place (PDF included), per submission.");
        for (var i = 0; i < ServiceStatus.Buckets.Length; i++)
        {
            Line(text, $"docgen_processing_seconds_bucket{{le=\"{ServiceStatus.Buckets[i].ToString(CultureInfo.InvariantCulture)}\"}}", buckets[i]);
        }

        Line(text, "docgen_processing_seconds_bucket{le=\"+Inf\"}", timed);
        text.Append("docgen_processing_seconds_sum ").Append(sum.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        Line(text, "docgen_processing_seconds_count", timed);
        Gauge(text, "docgen_queue_depth", "Inbox entries queued or being processed, and documents waiting for their PDF.", queued);
        Gauge(text, "docgen_queue_oldest_seconds", "How long the inbox entry queued first has waited or been in progress.", (long)oldest.TotalSeconds);
        Counter(text, "docgen_claims_recovered_total", "Claims taken over from a run that died (or that waited on a fault).", status.Recovered);
        Counter(text, "docgen_claims_given_up_total", "Claims given up after repeated failures (S1).", status.GivenUp);
        Header(text, "docgen_template_reloads_total", "counter", "Template versions put in use, or refused (the last good one stays).");
        Line(text, "docgen_template_reloads_total{result=\"loaded\"}", templates.Loaded);
        Line(text, "docgen_template_reloads_total{result=\"refused\"}", templates.Refused);
        Gauge(text, "docgen_template_ok", "1 when the template file on disk is the one in use, 0 when a replacement was refused or none compiles.", templates.Current is not null && templates.Problems is null ? 1 : 0);
        Gauge(text, "docgen_pdf_converters", "LibreOffice converters configured (0: PDF off).", pdf.Converters?.Converters ?? 0);
        if (pdf.Converters is { } converters)
        {
            var (converted, failed, refused) = converters.Conversions;
            Header(text, "docgen_pdf_conversions_total", "counter", "PDF conversions: made, failed after the retry (published without the PDF), refused for the document's size.");
            Line(text, "docgen_pdf_conversions_total{result=\"ok\"}", converted);
            Line(text, "docgen_pdf_conversions_total{result=\"failed\"}", failed);
            Line(text, "docgen_pdf_conversions_total{result=\"refused\"}", refused);
            Counter(text, "docgen_pdf_converter_starts_total", "LibreOffice converters started (the first of each slot, then one per restart after a failure).", converters.Starts);
        }
        Gauge(text, "docgen_uptime_seconds", "Seconds since the service started.", (long)(time.GetUtcNow() - status.StartedAt).TotalSeconds);
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

    private static void Counter(StringBuilder text, string name, string help, long value)
    {
        Header(text, name, "counter", help);
        Line(text, name, value);
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
