using System.Diagnostics;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// One trace per attempt at a submission (one in the usual case; a claim tried again gets one per
/// attempt), exported over OTLP when <see cref="OpenTelemetryExport"/> is on: a
/// span <c>docgen.submission</c> from the claim to its document staged (or its report published),
/// and with PDF on a child <c>docgen.pdf</c> to both files published. The span that sees the end
/// is tagged with <c>docgen.outcome</c> and, for a report, <c>docgen.rule_codes</c>. Only the
/// service registers it: the warm-up's rehearsal is not traced. Names are file names, never contents.
/// </summary>
public sealed class SubmissionTraces : IDisposable
{
    public const string SourceName = "DocGen";

    private readonly ActivitySource _source = new(SourceName, typeof(SubmissionTraces).Assembly.GetName().Version?.ToString());

    public SubmissionTraces(ServiceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.Ended += static (outcome, _) => Tag(Activity.Current, outcome);
    }

    /// <summary>The root span of one attempt at an inbox entry (null when nothing listens).</summary>
    public Activity? Submission(string input)
        => _source.StartActivity("docgen.submission")?.SetTag("docgen.input", input);

    /// <summary>The root span of one attempt at a claim left in <c>processing/</c>; its input's name is added once found (<see cref="Named"/>).</summary>
    public Activity? Recovered(string claim)
        => _source.StartActivity("docgen.submission")?.SetTag("docgen.claim", claim).SetTag("docgen.recovered", true);

    /// <summary>Names the input of the current span (a recovered claim's, once its file is found).</summary>
    public void Named(string input)
    {
        if (Activity.Current is { } activity && activity.Source == _source)
        {
            activity.SetTag("docgen.input", input);
        }
    }

    /// <summary>The PDF conversion and publishing, a child of the submission's span that handed it over.</summary>
    public Activity? Pdf() => _source.StartActivity("docgen.pdf");

    /// <summary>An attempt that failed (it is tried again, or given up after three): the span says why.</summary>
    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Activity.Current is { } activity && activity.Source == _source)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity.AddException(exception);
        }
    }

    public void Dispose() => _source.Dispose();

    private static void Tag(Activity? activity, SubmissionOutcome outcome)
    {
        if (activity is not { Source.Name: SourceName })
        {
            return;
        }

        activity.SetTag("docgen.outcome", PrometheusText.Label(outcome.End));
        if (outcome.Codes.Count > 0)
        {
            activity.SetTag("docgen.rule_codes", string.Join(' ', outcome.Codes));
        }
    }
}
