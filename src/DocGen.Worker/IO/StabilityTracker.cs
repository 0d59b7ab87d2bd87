using System.Collections.Concurrent;

namespace DocGen.Worker.IO;

/// <summary>
/// Decides whether a file has stopped changing: its stamp is older than the window by its own
/// time, or this process has seen the same stamp for at least the window by its clock. The second
/// rule needs no agreement between clocks (a share's server may run ahead), and lets tests drive
/// it with a fake clock.
/// </summary>
public sealed class StabilityTracker(TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (FileStamp Stamp, DateTimeOffset Since, DateTimeOffset LastLook)> _seen = new(StringComparer.Ordinal);

    public TimeSpan Window => window;

    public bool IsStable(string path, FileStamp stamp) => IsStable(path, stamp, window);

    /// <summary>Whether the file has not changed for <paramref name="forAtLeast"/> (a longer grace than the tracker's window, for a file that looks cut short).</summary>
    public bool IsStable(string path, FileStamp stamp, TimeSpan forAtLeast)
    {
        var now = time.GetUtcNow();
        if (now.UtcDateTime - stamp.LastWriteUtc >= forAtLeast)
        {
            return true;
        }

        var seen = _seen.AddOrUpdate(path, static (_, a) => a, static (_, old, a) => old.Stamp == a.Stamp ? old with { LastLook = a.LastLook } : a, (Stamp: stamp, Since: now, LastLook: now));
        return now - seen.Since >= forAtLeast;
    }

    /// <summary>Stops tracking a file (it was taken, or is gone).</summary>
    public void Forget(string path) => _seen.TryRemove(path, out _);

    /// <summary>Forgets files not looked at for a while, so the table does not grow with every name ever seen.</summary>
    public void Prune(TimeSpan olderThan)
    {
        var limit = time.GetUtcNow() - olderThan;
        foreach (var (path, seen) in _seen)
        {
            if (seen.LastLook < limit)
            {
                _seen.TryRemove(path, out _);
            }
        }
    }
}
