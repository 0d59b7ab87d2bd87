using System.Collections.Concurrent;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// What the service has done since it started, for <c>/metrics</c>, <c>/health</c> and the status
/// page: submissions by outcome and format, processing times (a histogram), claims recovered and
/// given up, and the latest <see cref="Kept"/> submissions. Recorded where each thing happens.
/// </summary>
public sealed class ServiceStatus(TimeProvider time)
{
    /// <summary>Submissions the status page lists.</summary>
    public const int Kept = 50;

    /// <summary>Upper bounds of the processing-time histogram, in seconds.</summary>
    public static readonly double[] Buckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly ConcurrentDictionary<(SubmissionEnd End, string Format), long> _submissions = new();
    private readonly long[] _bucketCounts = new long[Buckets.Length];
    private readonly ConcurrentQueue<SubmissionOutcome> _latest = new();
    private readonly Lock _histogramLock = new();
    private double _secondsSum;
    private long _timed;
    private long _recovered;
    private long _ended;
    private long _givenUp;
    private long _version;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    /// <summary>
    /// Raised as each submission ends, on the flow that ended it (so <see cref="System.Diagnostics.Activity.Current"/>
    /// is its span): the OTLP meters and traces listen here rather than keep counts of their own.
    /// </summary>
    public event Action<SubmissionOutcome, TimeSpan>? Ended;

    /// <summary>The last submission published, if any.</summary>
    public DateTimeOffset? LastPublished { get; private set; }

    public long Recovered => Interlocked.Read(ref _recovered);

    /// <summary>Submissions ended (published, rejected or refused) since the start.</summary>
    public long EndedCount => Interlocked.Read(ref _ended);

    public long GivenUp => Interlocked.Read(ref _givenUp);

    /// <summary>
    /// Changes to <see cref="Latest"/>: one more each time a submission ends, counted after the list
    /// has it, so what is read after reading this is at least as new (the status page's cache key).
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Counts by (how it ended, format: json | xlsx | other).</summary>
    public IReadOnlyDictionary<(SubmissionEnd End, string Format), long> Submissions => _submissions;

    /// <summary>The latest submissions, newest first.</summary>
    public IReadOnlyList<SubmissionOutcome> Latest => [.. _latest.Reverse()];

    public (long[] Counts, double Sum, long Count) Histogram()
    {
        lock (_histogramLock)
        {
            return ([.. _bucketCounts], _secondsSum, _timed);
        }
    }

    /// <summary>A submission published, with the note of what to check beside it when it had warnings (kept for the page, cut at 20,000 characters).</summary>
    public void Published(string name, string output, TimeSpan took, string? warningsNote = null)
    {
        LastPublished = time.GetUtcNow();
        Record(new SubmissionOutcome(name, time.GetUtcNow(), SubmissionEnd.Published, output, [], warningsNote is null ? null : Cut(warningsNote)), took);
    }

    /// <summary>A submission rejected (or refused unread), with its text report kept for the page (cut at 20,000 characters).</summary>
    public void Rejected(string name, bool unread, string reportPath, IReadOnlyList<string> codes, string reportText, TimeSpan took)
        => Record(new SubmissionOutcome(name, time.GetUtcNow(), unread ? SubmissionEnd.Refused : SubmissionEnd.Rejected, reportPath, codes, Cut(reportText)), took);

    /// <summary>A report or note as the page keeps it: at most 20,000 characters.</summary>
    private static string Cut(string text) => text.Length <= 20_000 ? text : text[..20_000] + "…";

    public void ClaimRecovered() => Interlocked.Increment(ref _recovered);

    public void ClaimGivenUp() => Interlocked.Increment(ref _givenUp);

    private void Record(SubmissionOutcome outcome, TimeSpan took)
    {
        _submissions.AddOrUpdate((outcome.End, FormatOf(outcome.Name)), 1, static (_, n) => n + 1);
        lock (_histogramLock)
        {
            var seconds = took.TotalSeconds;
            for (var i = 0; i < Buckets.Length; i++)
            {
                if (seconds <= Buckets[i])
                {
                    _bucketCounts[i]++;
                }
            }

            _secondsSum += seconds;
            _timed++;
        }

        Interlocked.Increment(ref _ended);
        Notify(outcome, took);
        _latest.Enqueue(outcome);
        while (_latest.Count > Kept && _latest.TryDequeue(out _))
        {
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>Each listener in turn; one that throws must not turn a published submission into a failed attempt.</summary>
    private void Notify(SubmissionOutcome outcome, TimeSpan took)
    {
        foreach (var listener in Ended?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<SubmissionOutcome, TimeSpan>)listener)(outcome, took);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // telemetry only: the submission's outcome is already recorded and published
            }
        }
    }

    /// <summary>The format label of an input's name: json, xlsx or other.</summary>
    private static string FormatOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" => "json",
        ".xlsx" => "xlsx",
        _ => "other",
    };
}
