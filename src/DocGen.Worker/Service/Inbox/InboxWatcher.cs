namespace DocGen.Worker.Service.Inbox;

/// <summary>
/// The inbox's <see cref="FileSystemWatcher"/>: an entry it names is queued at once if there is
/// room. When events are lost (the watcher's error, a full queue) it asks for a rescan soon; a
/// platform that refuses a watcher leaves the periodic rescans to find every file.
/// </summary>
/// <param name="logger">The inbox service's: its lines keep their category.</param>
public sealed class InboxWatcher(InboxFolders folders, InboxBacklog backlog, ILogger<InboxService> logger) : IDisposable
{
    private readonly SemaphoreSlim _rescanNow = new(0, 1);
    private FileSystemWatcher? _watcher;

    /// <summary>Starts watching the inbox, again if it watched one before (the inbox was recreated).</summary>
    public void Start()
    {
        _watcher?.Dispose();
        _watcher = Create();
    }

    /// <summary>Waits until the watcher asks for a rescan.</summary>
    public Task WaitForRescanAsync(CancellationToken cancellationToken) => _rescanNow.WaitAsync(cancellationToken);

    public void Dispose()
    {
        _watcher?.Dispose();
        _rescanNow.Dispose();
    }

    /// <summary>The inbox watcher, or null when the platform refuses one (the rescans still find every file).</summary>
    private FileSystemWatcher? Create()
    {
        try
        {
            return StartWatcher();
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            logger.WatcherError(ex.Message);
            return null;
        }
    }

    private FileSystemWatcher StartWatcher()
    {
        var watcher = new FileSystemWatcher(folders.Inbox, "*") // JSON and workbooks: IsSubmissionName decides
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
            IncludeSubdirectories = false,
        };
        watcher.Created += (_, e) => Notice(e.FullPath);
        watcher.Changed += (_, e) => Notice(e.FullPath);
        watcher.Renamed += (_, e) => Notice(e.FullPath);
        watcher.Error += (_, e) =>
        {
            logger.WatcherError(e.GetException().Message);
            RescanSoon();
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>A watcher event: queue the file if there is room; otherwise the rescan will find it.</summary>
    private void Notice(string path)
    {
        if (!backlog.TryEnqueue(path))
        {
            RescanSoon();
        }
    }

    private void RescanSoon()
    {
        if (_rescanNow.CurrentCount == 0)
        {
            try
            {
                _rescanNow.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled
            }
        }
    }
}
