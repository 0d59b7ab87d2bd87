using DocGen.Worker.Pdf;

namespace DocGen.Worker.Tests.Pdf;

public sealed class ConverterQueueTests
{
    private const long Long = 1_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WaitingConversions_GetAConverter_SmallerDocumentsFirst_NearEqualOnesInTheOrderTheyCame()
    {
        var queue = new ConverterQueue<string>(["a"], Long);
        var held = await queue.AcquireAsync(10, Token);
        var order = new List<string>();
        var waiting = new[] { ("big", 900L), ("small", 20L), ("medium", 300L), ("small, a few bytes smaller", 18L) }.Select(async w =>
        {
            var lease = await queue.AcquireAsync(w.Item2, Token);
            lock (order)
            {
                order.Add(w.Item1);
            }

            queue.Release(lease!); // the next in turn gets it only now
        }).ToList();
        Assert.Equal(4, queue.Waiting);

        queue.Release(held!);
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromMinutes(1), Token);

        Assert.Equal(["small", "small, a few bytes smaller", "medium", "big"], order); // within a factor of two: in the order they came
    }

    [Fact]
    public async Task LongDocuments_NeverTakeTheLastFreeConverter_WhenThereAreTwoOrMore()
    {
        var queue = new ConverterQueue<string>(["a", "b"], Long);
        var firstLong = await queue.AcquireAsync(5_000, Token);
        var secondLong = queue.AcquireAsync(6_000, Token);
        Assert.Equal(1, queue.Waiting); // one converter is kept for short documents

        var seed = await queue.AcquireAsync(30, Token).WaitAsync(TimeSpan.FromMinutes(1), Token);
        queue.Release(seed!);
        Assert.Equal(1, queue.Waiting); // still kept

        queue.Release(firstLong!);
        Assert.True((await secondLong.WaitAsync(TimeSpan.FromMinutes(1), Token))!.Long);
        Assert.Equal(0, queue.Waiting);
    }

    [Fact]
    public async Task WithOneConverter_ALongDocumentIsStillConverted()
    {
        var queue = new ConverterQueue<string>(["a"], Long);

        var lease = await queue.AcquireAsync(5_000, Token);

        Assert.Equal("a", lease!.Converter);
    }

    [Fact]
    public async Task ACancelledWait_LeavesTheQueue_AndTheConverterGoesToTheNext()
    {
        var queue = new ConverterQueue<string>(["a"], Long);
        var held = await queue.AcquireAsync(10, Token);
        using var cancel = new CancellationTokenSource();
        var cancelled = queue.AcquireAsync(1, cancel.Token);
        var next = queue.AcquireAsync(50, Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, queue.Waiting);
        queue.Release(held!);

        Assert.Equal("a", (await next.WaitAsync(TimeSpan.FromMinutes(1), Token))!.Converter);
    }

    [Fact]
    public async Task Closing_AnswersEveryWaiterNowAndLater_WithNoConverter()
    {
        var queue = new ConverterQueue<string>(["a"], Long);
        _ = await queue.AcquireAsync(10, Token);
        var waiting = queue.AcquireAsync(10, Token);

        queue.Close();

        Assert.Null(await waiting.WaitAsync(TimeSpan.FromMinutes(1), Token));
        Assert.Null(await queue.AcquireAsync(10, Token));
    }
}
