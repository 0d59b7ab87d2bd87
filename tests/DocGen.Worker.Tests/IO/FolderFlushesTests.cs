using System.Collections.Concurrent;
using DocGen.Worker.IO;

namespace DocGen.Worker.Tests.IO;

public sealed class FolderFlushesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestsMadeWhileARoundRuns_ShareTheNextRound_EachFolderFlushedOnce()
    {
        using var gate = new SemaphoreSlim(0);
        using var entered = new SemaphoreSlim(0);
        var flushed = new ConcurrentQueue<string>();
        var first = true;
        var flushes = new FolderFlushes(folder =>
        {
            if (Interlocked.Exchange(ref first, false))
            {
                entered.Release();
                gate.Wait(Token); // the first round is still flushing while the others ask
            }

            flushed.Enqueue(folder);
        });

        var running = flushes.FlushAsync(["out"], Token);
        await entered.WaitAsync(Token);
        var second = flushes.FlushAsync(["out", "archive"], Token);
        var third = flushes.FlushAsync(["archive", "out"], Token);

        Assert.False(second.IsCompleted); // a flush under way may have begun before its renames
        gate.Release();
        await Task.WhenAll(running, second, third);

        Assert.Equal(["out"], flushed.Take(1));
        Assert.Equal(["archive", "out"], flushed.Skip(1).Order(StringComparer.Ordinal));
        Assert.Equal(3, flushes.Flushes);
        Assert.Equal(2, flushes.Rounds);
    }

    [Fact]
    public async Task AFolderThatCannotBeFlushed_FailsOnlyTheRequestsNamingIt()
    {
        using var gate = new SemaphoreSlim(0);
        using var entered = new SemaphoreSlim(0);
        var flushes = Gated(gate, entered, static folder => throw new IOException(folder));

        var holding = flushes.FlushAsync(["gate"], Token);
        await entered.WaitAsync(Token); // the next two share one round
        var failing = flushes.FlushAsync(["out", "gone"], Token);
        var fine = flushes.FlushAsync(["out"], Token);
        gate.Release();

        await holding;
        await fine;
        await Assert.ThrowsAsync<IOException>(() => failing);
        await flushes.FlushAsync(["out"], Token); // the rounds go on after a failure
    }

    [Fact]
    public async Task AWaiterThatGivesUp_LeavesTheRoundsGoing()
    {
        using var gate = new SemaphoreSlim(0);
        using var entered = new SemaphoreSlim(0);
        var flushes = Gated(gate, entered);
        using var stop = new CancellationTokenSource();

        var holding = flushes.FlushAsync(["gate"], Token);
        await entered.WaitAsync(Token);
        var stopped = flushes.FlushAsync(["out"], stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);
        gate.Release();

        await holding;
        await flushes.FlushAsync(["out"], Token);
        Assert.InRange(flushes.Flushes, 2, 3); // gate, then "out" (the stopped waiter's and the last request's, in one round or two)
    }

    /// <summary>Flushes that hold the folder "gate" until <paramref name="gate"/> is released (saying so on <paramref name="entered"/>) and pass "gone" to <paramref name="gone"/>.</summary>
    private static FolderFlushes Gated(SemaphoreSlim gate, SemaphoreSlim entered, Action<string>? gone = null) => new(folder =>
    {
        if (folder == "gate")
        {
            entered.Release();
            gate.Wait(Token);
        }
        else if (folder == "gone")
        {
            gone?.Invoke(folder);
        }
    });

    [Fact]
    public async Task WithoutFlushing_EveryRequestIsMetAtOnce()
    {
        var flushes = new FolderFlushes(null);

        await flushes.FlushAsync(["out"], Token);

        Assert.Equal(0, flushes.Rounds);
    }
}
