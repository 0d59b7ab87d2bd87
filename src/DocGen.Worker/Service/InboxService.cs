using DocGen.Worker.IO;
using DocGen.Worker.Service.Inbox;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Templates;
using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service;

/// <summary>
/// Notices submissions in the inbox — an <see cref="InboxWatcher"/>, a scan at start-up and a
/// periodic rescan (network shares drop watcher events; the watcher's buffer overflows) — and
/// feeds them through a bounded queue (<see cref="InboxBacklog"/>) to a fixed number of workers.
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
    PublishStage publishStage,
    LogThrottle throttle,
    IO.FolderFlushes flushes,
    TimeProvider time,
    ILogger<InboxService> logger) : BackgroundService
{
    private readonly DocGenOptions _options = options.Value;
    private readonly InboxBacklog _backlog = new(options.Value.QueueCapacity, time);
    private readonly InboxScan _scan = new(folders, logger);
    private InboxWatcher? _watcher;
    private long _passes;
    private bool _betweenPasses;

    /// <summary>The scan loop is waiting for its next pass (healthy and idle), not stuck in one.</summary>
    internal bool IsBetweenPasses => Volatile.Read(ref _betweenPasses);

    /// <summary>Passes of the scan loop completed so far (tests wait on it instead of on time).</summary>
    internal long Passes => Interlocked.Read(ref _passes);

    /// <summary>Inbox entries queued or being processed, and documents waiting for their PDF (for the status pages).</summary>
    public int Queued => _backlog.Count + publishStage.Waiting;

    /// <summary>How long the entry queued first has been queued or in progress (zero when none is).</summary>
    public TimeSpan OldestWaiting => _backlog.OldestWaiting;

    /// <summary>Nothing queued, being processed or waiting for its PDF: everything a pass found has ended.</summary>
    internal bool IsIdle => _backlog.IsEmpty && publishStage.IsIdle;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        StaleRuntimeFiles.Sweep();
        folders.CreateAll();
        _scan.NoteLinksAtStart();
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
        logger.FlushScopeChosen(flushes.Scope);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.Stopping();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watcher = _watcher = new InboxWatcher(folders, _backlog, logger);
        watcher.Start();
        var workers = Enumerable.Range(0, _options.MaxConcurrency).Select(_ => WorkAsync(stoppingToken)).ToList();
        try
        {
            await ScanLoopAsync(watcher, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // normal stop
        }

        _backlog.Complete();
        await Task.WhenAll(workers).ConfigureAwait(false);
        await publishStage.DrainAsync().ConfigureAwait(false);
        await pendingPdfs.DrainAsync().ConfigureAwait(false);
    }

    private async Task ScanLoopAsync(InboxWatcher watcher, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // One pass: a new template version, claims nobody owns (a crash, or no template
            // earlier), then the inbox. A failure (a share that is gone) is logged and the next
            // pass tries again: the service keeps running.
            try
            {
                if (_scan.EnsureFolders())
                {
                    watcher.Start(); // the inbox was made again: watch the new one
                }

                RefreshTemplate();
                reader.Prune();
                await processor.RecoverAsync(stoppingToken).ConfigureAwait(false);
                retention.SweepIfDue();
                pendingPdfs.RetryIfDue(stoppingToken);
                foreach (var path in _scan.Entries())
                {
                    await _backlog.EnqueueAsync(path, stoppingToken).ConfigureAwait(false);
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
            var signal = watcher.WaitForRescanAsync(tick.Token);
            Volatile.Write(ref _betweenPasses, true);
            await Task.WhenAny(delay, signal).ConfigureAwait(false);
            Volatile.Write(ref _betweenPasses, false);
            await tick.CancelAsync().ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var path in _backlog.ReadAllAsync(stoppingToken).ConfigureAwait(false))
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
                    _backlog.Done(path);
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

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }
}
