using DocGen.Worker.IO;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Service.Status;
using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service;

/// <summary>
/// Keeps <c>failed/</c> within <see cref="DocGenOptions.FailedRetention"/> and
/// <see cref="DocGenOptions.FailedMaxCount"/>: a rejected submission — its input and both reports,
/// found by its JSON report — is removed whole once it is older than the retention or beyond the
/// newest allowed, oldest first. Looked at every <see cref="Interval"/> and after every
/// <see cref="RejectionsBetweenSweeps"/> rejections, so that a flood is cut while it runs. The
/// report goes last: a sweep interrupted halfway leaves a report, never an input without one.
/// </summary>
public sealed class FailedRetention(InboxFolders folders, IOptions<DocGenOptions> options, ServiceStatus status, Quarantine quarantine, TimeProvider time, ILogger<FailedRetention> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    public const int RejectionsBetweenSweeps = 100;

    private const string ReportSuffix = ".errors.json";

    /// <summary>A report younger than this is never removed by count: it may be a placeholder of a publish under way.</summary>
    private static readonly TimeSpan MinAge = TimeSpan.FromHours(1);

    private readonly DocGenOptions _options = options.Value;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;
    private long _rejectedAtLastSweep = -1;

    /// <summary>Sweeps <c>failed/</c> when it is due; returns how many rejected submissions were removed.</summary>
    public int SweepIfDue()
    {
        var rejected = status.Submissions.Where(static s => s.Key.End != SubmissionEnd.Published).Sum(static s => s.Value);
        var now = time.GetUtcNow();
        if ((_options.FailedRetention <= TimeSpan.Zero && _options.FailedMaxCount <= 0)
            || (now - _lastSweep < Interval && rejected - _rejectedAtLastSweep < RejectionsBetweenSweeps))
        {
            return 0;
        }

        _lastSweep = now;
        _rejectedAtLastSweep = rejected;
        return Sweep(now);
    }

    private int Sweep(DateTimeOffset now)
    {
        var reports = new DirectoryInfo(folders.Failed).EnumerateFiles("*" + ReportSuffix)
            .Select(static f => (Stem: f.Name[..^ReportSuffix.Length], Written: f.LastWriteTimeUtc))
            .OrderBy(static r => r.Written)
            .ToList();
        var overCount = _options.FailedMaxCount > 0 ? Math.Max(0, reports.Count - _options.FailedMaxCount) : 0;
        var cutoff = _options.FailedRetention > TimeSpan.Zero ? (now - _options.FailedRetention).UtcDateTime : DateTime.MinValue;
        var youngest = (now - MinAge).UtcDateTime;
        var doomed = reports.Where((r, i) => (i < overCount || r.Written < cutoff) && r.Written < youngest && !StemReservations.IsPlaceholder(Path.Combine(folders.Failed, r.Stem + ReportSuffix))).ToList();
        var family = OutputFamily.Rejection(folders);
        var removed = 0;
        foreach (var (stem, _) in doomed)
        {
            try
            {
                foreach (var path in family.All(stem).Skip(1).Append(family.Reservation.For(stem)))
                {
                    if (SafeFile.Inspect(path).Kind == EntryKind.Directory)
                    {
                        // A refused folder dropped as x.json: never deleted recursively (a folder inside swapped for a link would be followed).
                        quarantine.MoveAside(path, QuarantineReason.ExpiredFolder);
                    }
                    else
                    {
                        File.Delete(path); // a link is removed itself
                    }
                }

                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.RetentionFailed(folders.Failed, ex.Message);
                break; // the next sweep tries again
            }
        }

        if (removed > 0)
        {
            logger.RetentionRemoved(removed, folders.Failed, reports.Count - removed, _options.FailedMaxCount, _options.FailedRetention.TotalDays);
        }

        return removed;
    }
}
