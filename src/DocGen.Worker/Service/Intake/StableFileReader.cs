using DocGen.Worker.IO;
using Microsoft.Extensions.Options;
using Polly;

namespace DocGen.Worker.Service.Intake;

/// <summary>
/// Reads submission files that may still be being written (a slow plain copy, an upload): a file
/// that looks incomplete is judged only once it has stopped changing, and a claimed file that is
/// still growing is read again a few times before it is called broken.
/// </summary>
public sealed class StableFileReader(
    IOptions<DocGenOptions> options,
    [FromKeyedServices(ServiceRegistration.IoPipeline)] ResiliencePipeline io,
    TimeProvider time,
    ILogger<StableFileReader> logger)
{
    private readonly DocGenOptions _options = options.Value;
    private readonly StabilityTracker _stability = new(options.Value.StableFor, time);

    /// <summary>Reads a file; null when it is gone (another process took it).</summary>
    public FileSnapshot? TryRead(string path)
    {
        try
        {
            return Read(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            _stability.Forget(path);
            return null;
        }
    }

    /// <summary>Whether the file has not changed for <see cref="DocGenOptions.StableFor"/>: an incomplete one may then be judged.</summary>
    public bool HasSettled(FileSnapshot snapshot) => _stability.IsStable(snapshot.Path, snapshot.Stamp);

    /// <summary>The file was taken: stop tracking it.</summary>
    public void Forget(string path) => _stability.Forget(path);

    /// <summary>Forgets files not seen for a while (called once per rescan).</summary>
    public void Prune() => _stability.Prune(TimeSpan.FromTicks(Math.Max(_options.StableFor.Ticks * 10, TimeSpan.FromMinutes(10).Ticks)));

    /// <summary>Whether the file still has the stamp it had when it was read.</summary>
    public static bool IsUnchanged(FileSnapshot snapshot, string path) => FileStamp.Of(path) == snapshot.Stamp;

    /// <summary>
    /// Reads a claimed file and judges it; while it looks incomplete and is still changing (a slow
    /// copy renamed early, still being written through its open handle), reads it again up to
    /// <see cref="DocGenOptions.ParseRetries"/> times.
    /// </summary>
    public async Task<(FileSnapshot Snapshot, T Judgement)> ReadSettledAsync<T>(string path, Func<byte[], T> judge, Func<T, bool> looksIncomplete, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(looksIncomplete);
        var snapshot = Read(path);
        var judgement = judge(snapshot.Bytes);
        for (var attempt = 1; attempt <= _options.ParseRetries && looksIncomplete(judgement); attempt++)
        {
            await Task.Delay(_options.ParseRetryDelay, time, cancellationToken).ConfigureAwait(false);
            if (IsUnchanged(snapshot, path))
            {
                continue;
            }

            logger.ParseRetry(path, attempt);
            snapshot = Read(path);
            judgement = judge(snapshot.Bytes);
        }

        return (snapshot, judgement);
    }

    private FileSnapshot Read(string path)
    {
        var stamp = FileStamp.Of(path) ?? throw new FileNotFoundException($"'{path}' does not exist.", path);
        var bytes = io.Execute(static p => File.ReadAllBytes(p), path);
        return new FileSnapshot(path, bytes, stamp);
    }
}
