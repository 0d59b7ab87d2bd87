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

    /// <summary>Nothing waiting for a PDF or being published from here.</summary>
    public bool IsIdle => _running.IsEmpty;

    /// <summary>
    /// Takes a claim over: runs <paramref name="work"/> (conversion and publishing) in the
    /// background and disposes the claim after it, whatever happens. Waits only while the stage is full.
    /// </summary>
    public async Task HandOverAsync(Claim claim, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running[claim] = RunAsync(registered.Task, claim, work, cancellationToken);
        registered.SetResult(); // only now may it finish and remove itself
    }

    /// <summary>Waits for every claim handed over (at a stop they end cancelled, left in <c>processing/</c> for the next start).</summary>
    public Task DrainAsync() => Task.WhenAll(_running.Values);

    private async Task RunAsync(Task registered, Claim claim, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await Task.Run(() => work(cancellationToken), CancellationToken.None).ConfigureAwait(false);
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
