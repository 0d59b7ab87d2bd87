using System.Collections.Concurrent;
using System.Threading.Channels;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Templates;
using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service;

/// <summary>
/// Notices submissions in the inbox — a <see cref="FileSystemWatcher"/>, a scan at start-up and a
/// periodic rescan (network shares drop watcher events; the watcher's buffer overflows) — and
/// feeds them through a bounded channel to a fixed number of workers.
/// </summary>
public sealed class InboxService(
    InboxFolders folders,
    IOptions<DocGenOptions> options,
    TemplateStore templates,
    SubmissionProcessor processor,
    StableFileReader reader,
    WarmUp warmUp,
    FailedRetention retention,
    PendingPdfs pendingPdfs,
    PdfOutput pdf,
    PdfStage pdfStage,
    LogThrottle throttle,
    TimeProvider time,
    ILogger<InboxService> logger) : BackgroundService
{
    private readonly DocGenOptions _options = options.Value;
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleWriter = false,
        SingleReader = false,
    });

    /// <summary>Names queued or being processed, so a file is not queued twice.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _rescanNow = new(0, 1);

    /// <summary>DocGen's folders that were links when it started (an operator's choice): a folder that becomes a link later was replaced.</summary>
    private HashSet<string> _linkedAtStart = [];
    private long _passes;
    private bool _betweenPasses;
    private FileSystemWatcher? _watcher;

    /// <summary>The scan loop is waiting for its next pass (healthy and idle), not stuck in one.</summary>
    internal bool IsBetweenPasses => Volatile.Read(ref _betweenPasses);

    /// <summary>Passes of the scan loop completed so far (tests wait on it instead of on time).</summary>
    internal long Passes => Interlocked.Read(ref _passes);

    /// <summary>Inbox entries queued or being processed, and documents waiting for their PDF (for the status pages).</summary>
    public int Queued => _pending.Count + pdfStage.Waiting;

    /// <summary>How long the entry queued first has been queued or in progress (zero when none is).</summary>
    public TimeSpan OldestWaiting => _pending.Values.DefaultIfEmpty(time.GetUtcNow()).Min() is var oldest ? time.GetUtcNow() - oldest : TimeSpan.Zero;

    /// <summary>Nothing queued, being processed or waiting for its PDF: everything a pass found has ended.</summary>
    internal bool IsIdle => _pending.IsEmpty && pdfStage.IsIdle;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        StaleRuntimeFiles.Sweep();
        folders.CreateAll();
        // A link the operator made (owned by root or the service's user); one someone else made while the service was down is not trusted.
        _linkedAtStart = [.. folders.All.Where(static f => SafeFile.Inspect(f) is { Kind: EntryKind.SymbolicLink } link && (link.Owner == 0 || link.Owner == OwnFile.ProcessOwner))];
        RefreshTemplate();
        pdf.Converters?.WarmUp(); // LibreOffice starts (and rehearses a conversion) while the rehearsal below runs; stopping disposes the converters
        try
        {
            if (await warmUp.RunAsync(cancellationToken).ConfigureAwait(false) is { } rehearsal)
            {
                logger.WarmedUp(rehearsal.Milliseconds, rehearsal.SampleGenerated, rehearsal.BrokenRejected);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.WarmUpSkipped(ex.Message); // only slower first documents: the service starts all the same
        }

        logger.Started(folders.Inbox, folders.Out, folders.Failed, folders.Archive, folders.Processing, templates.TemplatePath, _options.MaxConcurrency,
            pdf.Converters is { } converters ? $"on, {converters.Converters} converters" : "off");
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.Stopping();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _watcher = CreateWatcher();
        var workers = Enumerable.Range(0, _options.MaxConcurrency).Select(_ => WorkAsync(stoppingToken)).ToList();
        try
        {
            await ScanLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // normal stop
        }

        _queue.Writer.TryComplete();
        await Task.WhenAll(workers).ConfigureAwait(false);
        await pdfStage.DrainAsync().ConfigureAwait(false);
        await pendingPdfs.DrainAsync().ConfigureAwait(false);
    }

    private async Task ScanLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // One pass: a new template version, claims nobody owns (a crash, or no template
            // earlier), then the inbox. A failure (a share that is gone) is logged and the next
            // pass tries again: the service keeps running.
            try
            {
                EnsureFolders();
                RefreshTemplate();
                reader.Prune();
                await processor.RecoverAsync(stoppingToken).ConfigureAwait(false);
                retention.SweepIfDue();
                pendingPdfs.RetryIfDue(stoppingToken);
                foreach (var path in ScanInbox())
                {
                    await EnqueueAsync(path, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (throttle.ShouldLog(LogThrottle.KindOf(ex), out var suppressed))
                {
                    logger.ScanFailed(ex, folders.Root, suppressed);
                }
            }

            Interlocked.Increment(ref _passes);

            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(_options.RescanInterval, time, tick.Token);
            var signal = _rescanNow.WaitAsync(tick.Token);
            Volatile.Write(ref _betweenPasses, true);
            await Task.WhenAny(delay, signal).ConfigureAwait(false);
            Volatile.Write(ref _betweenPasses, false);
            await tick.CancelAsync().ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// The inbox's entries, whatever they are (a folder or link named <c>x.json</c> is refused with
    /// a report, not ignored). A name that is not valid UTF-8 is first renamed to its escaped form.
    /// </summary>
    private List<string> ScanInbox()
    {
        var entries = Directory.EnumerateFileSystemEntries(folders.Inbox).ToList();
        if (entries.Any(static e => e.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            foreach (var raw in RawNames.FindInvalid(folders.Inbox))
            {
                var escaped = RawNames.Escape(raw);
                if (InboxFolders.IsSubmissionName(escaped) && RawNames.TryRename(folders.Inbox, raw, escaped))
                {
                    logger.RenamedInvalidName(escaped);
                }
            }

            entries = Directory.EnumerateFileSystemEntries(folders.Inbox).ToList();
        }

        return entries;
    }

    /// <summary>
    /// Recreates a folder someone removed or renamed while the service runs (and the watcher, if it
    /// was the inbox). A folder replaced by a link (to a folder elsewhere, where DocGen would then
    /// write and delete) loses the link — it holds nothing — and is made again.
    /// </summary>
    private void EnsureFolders()
    {
        foreach (var folder in folders.All.Where(f => !_linkedAtStart.Contains(f) && SafeFile.Inspect(f).Kind == EntryKind.SymbolicLink))
        {
            logger.FolderReplacedByLink(folder, new FileInfo(folder).LinkTarget ?? "");
            File.Delete(folder); // removes the link itself, never what it points to
        }

        if (folders.All.All(Directory.Exists))
        {
            return;
        }

        var inboxWasGone = !Directory.Exists(folders.Inbox);
        folders.CreateAll();
        if (inboxWasGone)
        {
            _watcher?.Dispose();
            _watcher = CreateWatcher();
        }
    }

    private async ValueTask EnqueueAsync(string path, CancellationToken stoppingToken)
    {
        if (!InboxFolders.IsSubmissionName(Path.GetFileName(path)) || !_pending.TryAdd(path, time.GetUtcNow()))
        {
            return;
        }

        await _queue.Writer.WriteAsync(path, stoppingToken).ConfigureAwait(false);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var path in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await processor.TryProcessAsync(path, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.ProcessingFailure(throttle, ex, path);
                }
                finally
                {
                    _pending.TryRemove(path, out _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Unfinished work stays claimed in processing/ and is resumed at the next start.
        }
    }


    private void RefreshTemplate()
    {
        try
        {
            templates.Refresh();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.TemplateNotRead(ex, templates.TemplatePath);
        }
    }

    /// <summary>The inbox watcher, or null when the platform refuses one (the rescans still find every file).</summary>
    private FileSystemWatcher? CreateWatcher()
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
        if (InboxFolders.IsSubmissionName(Path.GetFileName(path)) && _pending.TryAdd(path, time.GetUtcNow()) && !_queue.Writer.TryWrite(path))
        {
            _pending.TryRemove(path, out _);
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

    public override void Dispose()
    {
        _watcher?.Dispose();
        _rescanNow.Dispose();
        base.Dispose();
    }
}
