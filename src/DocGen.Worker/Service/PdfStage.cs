using System.Collections.Concurrent;
using DocGen.Worker.Service.Claims;

namespace DocGen.Worker.Service;

/// <summary>
/// Where a generated document waits for its PDF and is then published, apart from the workers: a
/// worker hands its claim over and takes the next submission at once, so a long conversion never
/// holds a worker that an invalid file or a small document needs (the converters themselves are
/// lent to smaller documents first). At most <see cref="Room"/> claims wait here; past that a worker
/// waits for room (each waiting claim holds its lock file open).
/// </summary>
public sealed class PdfStage : IDisposable
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
    /// Takes a claim over: starts <paramref name="work"/> (conversion and publishing) and disposes
    /// the claim after it, whatever happens. The work runs here until its first wait, so a
    /// conversion takes its place in the converters' queue in the order claims are handed over (among
    /// documents of one size class, a claim recovered first is converted first). Waits only while the stage is full.
    /// </summary>
    public async Task HandOverAsync(Claim claim, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task running;
        try
        {
            running = work(cancellationToken);
        }
        catch (Exception ex)
        {
            running = Task.FromException(ex);
        }

        _running[claim] = EndAsync(registered.Task, claim, running);
        registered.SetResult(); // only now may it end and remove itself
    }

    /// <summary>Waits for every claim handed over (at a stop they end cancelled, left in <c>processing/</c> for the next start).</summary>
    public Task DrainAsync() => Task.WhenAll(_running.Values);

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
