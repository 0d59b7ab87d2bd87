using System.Collections.Concurrent;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Processing;
using DocGen.Worker.Service.Status;

namespace DocGen.Worker.Service;

/// <summary>
/// Where a generated document waits for its PDF and for the flushes that make it durable, apart
/// from the workers: a worker hands its claim over and takes the next submission at once, so
/// neither a long conversion nor a flush holds a worker that an invalid file or a small document
/// needs (the converters are lent to smaller documents first; the flushes are shared by every
/// document waiting here, <see cref="IO.FolderFlushes"/>). At most <see cref="Room"/> claims wait here;
/// past that a worker waits for room (each waiting claim holds its lock file open). Each claim
/// comes as a <see cref="PublishWork"/>: its PDF is made when it has converters
/// (<see cref="DocumentPdf"/>), then what it has is published (<see cref="DocumentPublication"/>).
/// </summary>
/// <param name="logger">The processor's: its lines keep their category.</param>
public sealed class PublishStage(
    DocumentPdf pdf,
    DocumentPublication publication,
    ClaimAttempts attempts,
    LogThrottle throttle,
    ILogger<SubmissionProcessor> logger,
    SubmissionTraces? traces = null) : IDisposable
{
    /// <summary>Claims waiting here at once: far below the usual limit of 1,024 open files.</summary>
    public const int Room = 256;

    private readonly SemaphoreSlim _room = new(Room, Room);
    private readonly ConcurrentDictionary<Claim, Task> _running = new();

    /// <summary>Claims waiting for their PDF or for being published.</summary>
    public int Waiting => _running.Count;

    /// <summary>Nothing waiting for a PDF or being published from here.</summary>
    public bool IsIdle => _running.IsEmpty;

    /// <summary>
    /// Takes a claim over: starts its <paramref name="work"/> (conversion and publishing) and disposes
    /// the claim after it, whatever happens. The work runs here until its first wait, so a
    /// conversion takes its place in the converters' queue in the order claims are handed over (among
    /// documents of one size class, a claim recovered first is converted first). Waits only while the stage is full.
    /// </summary>
    public async Task HandOverAsync(PublishWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = ConvertAndPublishAsync(work, cancellationToken);
        _running[work.Claim] = EndAsync(registered.Task, work.Claim, running);
        registered.SetResult(); // only now may it end and remove itself
    }

    /// <summary>Waits for every claim handed over (at a stop they end cancelled, left in <c>processing/</c> for the next start).</summary>
    public Task DrainAsync() => Task.WhenAll(_running.Values);

    /// <summary>The PDF of the staged document (when it has converters), then publishing what there is. A failure is accounted for in the claim and logged; a stop leaves the claim for the next start.</summary>
    private async Task ConvertAndPublishAsync(PublishWork work, CancellationToken cancellationToken)
    {
        using var activity = work.Converters is null ? null : traces?.Pdf();
        try
        {
            var conversion = work.Converters is null ? work.Decided : await pdf.ConvertAsync(work, cancellationToken).ConfigureAwait(false);
            await publication.PublishAsync(work.Claim, work.Facts, conversion, work.Clock, cancellationToken).ConfigureAwait(false);
            attempts.Finished(work.Claim);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            attempts.Failed(work.Claim, ex);
            traces?.Failed(ex);
            logger.ProcessingFailure(throttle, ex, work.Claim.Folder);
        }
    }

    private async Task EndAsync(Task registered, Claim claim, Task running)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The work logged and accounted for its failure (or was cancelled by a stop); the
            // claim stays in processing/ and is taken again at the next rescan or start.
        }
        finally
        {
            claim.Dispose();
            _running.TryRemove(claim, out _);
            _room.Release();
        }
    }

    public void Dispose() => _room.Dispose();
}
