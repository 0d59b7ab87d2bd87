using System.Collections.Concurrent;
using System.Threading.Channels;
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
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _rescanNow = new(0, 1);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        folders.CreateAll();
        RefreshTemplate();
        logger.Started(folders.Inbox, folders.Out, folders.Failed, folders.Archive, folders.Processing, templates.TemplatePath, _options.MaxConcurrency);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.Stopping();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = CreateWatcher();
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
                RefreshTemplate();
                await processor.RecoverAsync(stoppingToken).ConfigureAwait(false);
                foreach (var path in Directory.EnumerateFiles(folders.Inbox))
                {
                    await EnqueueAsync(path, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.ScanFailed(ex, folders.Root);
            }

            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(_options.RescanInterval, time, tick.Token);
            var signal = _rescanNow.WaitAsync(tick.Token);
            await Task.WhenAny(delay, signal).ConfigureAwait(false);
            await tick.CancelAsync().ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    private async ValueTask EnqueueAsync(string path, CancellationToken stoppingToken)
    {
        if (!InboxFolders.IsSubmissionName(Path.GetFileName(path)) || !_pending.TryAdd(path, 0))
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
                    logger.ProcessingFailed(ex, path);
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
            logger.ScanFailed(ex, templates.TemplatePath);
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
        var watcher = new FileSystemWatcher(folders.Inbox, "*.json")
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
        if (InboxFolders.IsSubmissionName(Path.GetFileName(path)) && _pending.TryAdd(path, 0) && !_queue.Writer.TryWrite(path))
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
        _rescanNow.Dispose();
        base.Dispose();
    }
}
