using System.Collections.Concurrent;

namespace DocGen.Worker.Service;

/// <summary>
/// Keeps one failure that repeats for every file (a full disk, a share that is gone) from filling
/// the log: the first of a kind is logged, the same kind again within the interval only counted,
/// and the next one after it is logged with that count. One instance serves the whole service
/// (scan failures, processing failures, Polly's retries), whatever the number of waiting claims.
/// </summary>
public sealed class LogThrottle(TimeProvider time, TimeSpan interval)
{
    /// <summary>The service's interval: one line a minute per kind of fault.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset LoggedAt, int Suppressed)> _kinds = new(StringComparer.Ordinal);

    /// <summary>Whether to log this occurrence of <paramref name="kind"/>; <paramref name="suppressed"/> says how many were not logged since the last.</summary>
    public bool ShouldLog(string kind, out int suppressed)
    {
        var now = time.GetUtcNow();
        var logged = false;
        var skipped = 0;
        _kinds.AddOrUpdate(kind,
            _ =>
            {
                logged = true;
                return (now, 0);
            },
            (_, last) =>
            {
                if (now - last.LoggedAt < interval)
                {
                    return (last.LoggedAt, last.Suppressed + 1);
                }

                logged = true;
                skipped = last.Suppressed;
                return (now, 0);
            });
        suppressed = skipped;
        return logged;
    }

    /// <summary>The kind of a failure: its type and code, not its message (which names the file).</summary>
    public static string KindOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetType().FullName + "/" + exception.HResult.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
