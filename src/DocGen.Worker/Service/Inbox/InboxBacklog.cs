using System.Collections.Concurrent;
using System.Threading.Channels;

namespace DocGen.Worker.Service.Inbox;

/// <summary>
/// Inbox entries on their way to the workers: a bounded channel, and the names queued or being
/// processed, so that an entry is not queued twice. A scan waits for room; a watcher event finding
/// none is left to the next rescan.
/// </summary>
public sealed class InboxBacklog(int capacity, TimeProvider time)
{
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleWriter = false,
        SingleReader = false,
    });

    /// <summary>Names queued or being processed, with when they were queued.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);

    /// <summary>Entries queued or being processed.</summary>
    public int Count => _pending.Count;

    public bool IsEmpty => _pending.IsEmpty;

    /// <summary>How long the entry queued first has been queued or in progress (zero when none is).</summary>
    public TimeSpan OldestWaiting => _pending.Values.DefaultIfEmpty(time.GetUtcNow()).Min() is var oldest ? time.GetUtcNow() - oldest : TimeSpan.Zero;

    /// <summary>Queues an entry a scan found, waiting for room; one that is not a submission, or is queued already, is passed over.</summary>
    public async ValueTask EnqueueAsync(string path, CancellationToken cancellationToken)
    {
        if (!InboxFolders.IsSubmissionName(Path.GetFileName(path)) || !_pending.TryAdd(path, time.GetUtcNow()))
        {
            return;
        }

        await _queue.Writer.WriteAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues an entry a watcher event named, if there is room; false when there was none (a rescan will find it).</summary>
    public bool TryEnqueue(string path)
    {
        if (!InboxFolders.IsSubmissionName(Path.GetFileName(path)) || !_pending.TryAdd(path, time.GetUtcNow()) || _queue.Writer.TryWrite(path))
        {
            return true;
        }

        _pending.TryRemove(path, out _);
        return false;
    }

    /// <summary>The queued entries, for the workers, until <see cref="Complete"/>.</summary>
    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);

    /// <summary>An entry's processing ended (whatever happened): it may be queued again.</summary>
    public void Done(string path) => _pending.TryRemove(path, out _);

    /// <summary>No more entries: the workers end once the queue is empty.</summary>
    public void Complete() => _queue.Writer.TryComplete();
}
