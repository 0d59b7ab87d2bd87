using DocGen.Core.Validation;
using DocGen.Worker.IO;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service.Intake;

/// <summary>
/// Reads inbox entries that anyone may have dropped and that may still be being written: only
/// regular files are opened (never through a link, never blocking: <see cref="SafeFile"/>), no more
/// than the size limit is read, a file that looks unfinished is judged only once it has not changed
/// for <see cref="DocGenOptions.IncompleteGrace"/>, and a claimed file that is still growing is read
/// again a few times before it is called broken.
/// </summary>
public sealed class StableFileReader(
    IOptions<DocGenOptions> options,
    SubmissionValidator validator,
    TimeProvider time,
    ILogger<StableFileReader> logger)
{
    private readonly DocGenOptions _options = options.Value;
    private readonly StabilityTracker _stability = new(options.Value.StableFor, time);

    /// <summary>The most bytes read of one file: the size limit of a submission.</summary>
    public long MaxBytes => validator.Limits.MaxFileBytes;

    /// <summary>Looks at an entry and reads it if it may be read; null when it is gone (another process took it).</summary>
    public FileSnapshot? TryRead(string path)
    {
        var read = SafeFile.Read(path, MaxBytes);
        if (read.Outcome == SafeReadOutcome.Missing)
        {
            _stability.Forget(path);
            return null;
        }

        return new FileSnapshot(path, read);
    }

    /// <summary>Whether the entry has not changed for <see cref="DocGenOptions.StableFor"/>: one refused for a state that may pass may then be judged.</summary>
    public bool HasSettled(FileSnapshot snapshot) => _stability.IsStable(snapshot.Path, snapshot.Stamp);

    /// <summary>Whether a file that looks cut short has not changed for <see cref="DocGenOptions.IncompleteGrace"/>: a stalled copy is judged only then, once, whole.</summary>
    public bool HasSettledAfterGrace(FileSnapshot snapshot) => _stability.IsStable(snapshot.Path, snapshot.Stamp, _options.IncompleteGrace);

    /// <summary>The entry was taken: stop tracking it.</summary>
    public void Forget(string path) => _stability.Forget(path);

    /// <summary>Forgets files not seen for a while (called once per rescan).</summary>
    public void Prune() => _stability.Prune(TimeSpan.FromTicks(Math.Max(Math.Max(_options.StableFor.Ticks, _options.IncompleteGrace.Ticks) * 10, TimeSpan.FromMinutes(10).Ticks)));

    /// <summary>Whether the entry at <paramref name="path"/> is still the one that was read (same identity, size and time).</summary>
    public static bool IsUnchanged(FileSnapshot snapshot, string path)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = SafeFile.Inspect(path);
        return now.Kind == snapshot.Read.Info.Kind && now.Stamp == snapshot.Stamp && now.Inode == snapshot.Read.Info.Inode;
    }

    /// <summary>
    /// Reads a claimed entry and judges it; while it looks unfinished and is still changing (a slow
    /// copy renamed early, still being written through its open handle), reads it again up to
    /// <see cref="DocGenOptions.ParseRetries"/> times.
    /// </summary>
    public async Task<(FileSnapshot Snapshot, T Judgement)> ReadSettledAsync<T>(string path, Func<FileSnapshot, T> judge, Func<T, bool> looksIncomplete, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(looksIncomplete);
        var snapshot = TryRead(path) ?? throw new FileNotFoundException($"'{path}' does not exist.", path);
        var judgement = judge(snapshot);
        for (var attempt = 1; attempt <= _options.ParseRetries && looksIncomplete(judgement); attempt++)
        {
            await Task.Delay(_options.ParseRetryDelay, time, cancellationToken).ConfigureAwait(false);
            if (IsUnchanged(snapshot, path))
            {
                continue;
            }

            logger.ParseRetry(path, attempt);
            snapshot = TryRead(path) ?? throw new FileNotFoundException($"'{path}' does not exist.", path);
            judgement = judge(snapshot);
        }

        return (snapshot, judgement);
    }
}
