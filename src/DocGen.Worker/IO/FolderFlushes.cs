namespace DocGen.Worker.IO;

/// <summary>
/// Group commit for folders. One flush of a folder makes every name renamed into (or removed from)
/// it before the flush durable, so publishers that need the same folder flushed at about the same
/// time share one flush: a request joins the next round; a round starts at once when none runs, and
/// while one runs the requests that arrive wait for the round after it (a flush already under way
/// may have started before their renames). No timer: a single document waits for one round only,
/// a burst waits for at most the round in progress and its own, and each round flushes each folder
/// once however many documents asked. A folder that cannot be flushed fails the requests that
/// named it, not the others of its round. Made by <see cref="WholeFileSystem"/>, a round is one
/// flush of the file system instead (<see cref="FileSystemSync"/>): it covers the files as well
/// (<see cref="CoversFiles"/>), so those need no flush of their own.
/// </summary>
public sealed class FolderFlushes
{
    /// <summary>The one request key of a round that flushes the whole file system.</summary>
    private const string Everything = "";

    private readonly Action<string>? _flush;
    private readonly bool _whole;
    private readonly Lock _lock = new();
    private Dictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);
    private bool _running;
    private long _flushes;
    private long _rounds;

    /// <param name="flush">Flushes one folder (<see cref="DurableFolder.Flush"/>); null when nothing is flushed (then every request is met at once).</param>
    public FolderFlushes(Action<string>? flush) => _flush = flush;

    private FolderFlushes(string root)
    {
        _flush = _ => FileSystemSync.Sync(root);
        _whole = true;
    }

    /// <summary>Rounds that each flush the file system <paramref name="root"/> is on: every file and name on it.</summary>
    public static FolderFlushes WholeFileSystem(string root) => new(root);

    /// <summary>What a round flushes, for the log.</summary>
    public string Scope => _flush is null ? "nothing (FlushToDisk is off: a power cut may lose what was published last)"
        : _whole ? "the whole file system at once (syncfs), each flush shared by the documents in flight"
        : "each published file once and its folders, the folder flushes shared by the documents in flight";

    /// <summary>Whether a round makes the files written before it durable too (then a file needs no flush of its own).</summary>
    public bool CoversFiles => _whole;

    /// <summary>Folder flushes made since the start.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>Rounds made since the start (each flushes the folders asked for since the one before).</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>
    /// Completes once each of <paramref name="folders"/> was flushed by a flush that started after
    /// this call: every rename into them made before the call is durable then. Faults with the
    /// <see cref="IOException"/> of a folder that could not be flushed.
    /// </summary>
    public Task FlushAsync(IEnumerable<string> folders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (_flush is null)
        {
            return Task.CompletedTask;
        }

        List<Task> waits = [];
        bool start;
        lock (_lock)
        {
            foreach (var folder in _whole ? [Everything] : folders)
            {
                if (!_next.TryGetValue(folder, out var flushed))
                {
                    _next[folder] = flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                waits.Add(flushed.Task);
            }

            start = !_running && _next.Count > 0;
            _running |= start;
        }

        if (start)
        {
            _ = Task.Run(Flush, CancellationToken.None); // the flushes block: never on the caller's thread
        }

        return Task.WhenAll(waits).WaitAsync(cancellationToken);
    }

    /// <summary>Rounds while requests keep coming; the last one ends the run (the next request starts another).</summary>
    private void Flush()
    {
        while (true)
        {
            Dictionary<string, TaskCompletionSource> round;
            lock (_lock)
            {
                if (_next.Count == 0)
                {
                    _running = false;
                    return;
                }

                (round, _next) = (_next, new Dictionary<string, TaskCompletionSource>(StringComparer.Ordinal));
            }

            Interlocked.Increment(ref _rounds);
            foreach (var (folder, flushed) in round)
            {
                try
                {
                    _flush!(folder);
                    Interlocked.Increment(ref _flushes);
                    flushed.SetResult();
                }
                catch (Exception ex)
                {
                    flushed.SetException(ex); // never ends the rounds: a request left waiting would hang its publisher
                }
            }
        }
    }
}
