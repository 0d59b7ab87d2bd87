using System.Collections.Concurrent;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Processing;
using DocGen.Worker.Service.Status;

namespace DocGen.Worker.Service;

/// <summary>
/// Where a generated document waits for its PDF and is then published, apart from the workers: a
/// worker hands its claim over and takes the next submission at once, so a long conversion never
/// holds a worker that an invalid file or a small document needs (the converters themselves are
/// lent to smaller documents first). At most <see cref="Room"/> claims wait here; past that a worker
/// waits for room (each waiting claim holds its lock file open). Each claim comes as a
/// <see cref="PdfWork"/>: its PDF is made (<see cref="DocumentPdf"/>), then both files are published
/// (<see cref="DocumentPublication"/>).
/// </summary>
/// <param name="logger">The processor's: its lines keep their category.</param>
public sealed class PdfStage(
    DocumentPdf pdf,
    DocumentPublication publication,
    ClaimAttempts attempts,
    LogThrottle throttle,
    ILogger<SubmissionProcessor> logger,
    SubmissionTraces? traces = null) : IDisposable
{
    /// <summary>Claims waiting for or in conversion at once: far below the usual limit of 1,024 open files.</summary>
    public const int Room = 256;

    private readonly SemaphoreSlim _room = new(Room, Room);
    private readonly ConcurrentDictionary<Claim, Task> _running = new();

    /// <summary>Claims waiting for or in conversion.</summary>
    public int Waiting => _running.Count;

    /// <summary>Nothing waiting for a PDF or being published from here.</summary>
    public bool IsIdle => _running.IsEmpty;

    /// <summary>
    /// Takes a claim over: starts its <paramref name="work"/> (conversion and publishing) and disposes
    /// the claim after it, whatever happens. The work runs here until its first wait, so a
    /// conversion takes its place in the converters' queue in the order claims are handed over (among
    /// documents of one size class, a claim recovered first is converted first). Waits only while the stage is full.
    /// </summary>
    public async Task HandOverAsync(PdfWork work, CancellationToken cancellationToken)
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

    /// <summary>The PDF of the staged document, then publishing both. A failure is accounted for in the claim and logged; a stop leaves the claim for the next start.</summary>
    private async Task ConvertAndPublishAsync(PdfWork work, CancellationToken cancellationToken)
    {
        using var activity = traces?.Pdf();
        try
        {
            var conversion = await pdf.ConvertAsync(work, cancellationToken).ConfigureAwait(false);
            publication.Publish(work.Claim, work.Facts, conversion, work.Clock);
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
