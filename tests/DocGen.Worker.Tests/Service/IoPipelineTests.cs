using DocGen.Worker.IO;
using DocGen.Worker.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace DocGen.Worker.Tests.Service;

/// <summary>
/// The service's own retry pipeline for file-system calls, as registered: transient faults are
/// retried with backoff and then passed on, answers (a file another process took, a name that
/// exists) never are, and its retry lines are folded into one a minute per kind of fault.
/// </summary>
public sealed class IoPipelineTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceProvider _services;

    public IoPipelineTests()
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddDocGenService();
        services.AddSingleton<TimeProvider>(_clock);
        _services = services.BuildServiceProvider();
    }

    private ResiliencePipeline Pipeline => _services.GetRequiredKeyedService<ResiliencePipeline>(ServiceRegistration.IoPipeline);

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task TransientFault_ThenSuccess_IsRetriedUntilItSucceeds()
    {
        var calls = 0;

        var result = await RunAsync(() => ++calls <= 2 ? throw new IOException("sharing violation", Errno.EBUSY) : "moved");

        Assert.Equal("moved", result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task FaultThatLasts_IsPassedOnAfterFiveRetries()
    {
        var calls = 0;

        var fault = await Assert.ThrowsAsync<IOException>(() => RunAsync<string>(() => { calls++; throw new IOException("no space", Errno.ENOSPC); }));

        Assert.Equal(Errno.ENOSPC, fault.HResult);
        Assert.Equal(6, calls);
    }

    [Theory]
    [InlineData(typeof(FileNotFoundException))]
    [InlineData(typeof(DirectoryNotFoundException))]
    public async Task AnAnswerOfTheFileSystem_IsNeverRetried(Type answer)
    {
        var calls = 0;

        await Assert.ThrowsAnyAsync<IOException>(() => RunAsync<string>(() => { calls++; throw (IOException)Activator.CreateInstance(answer)!; }));
        await Assert.ThrowsAsync<IOException>(() => RunAsync<string>(() => { calls++; throw new IOException("exists", Errno.EEXIST); }));

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RetriesOfOneKind_AreLoggedOnceAMinute_WithTheCount()
    {
        for (var file = 0; file < 5; file++)
        {
            await Assert.ThrowsAsync<IOException>(() => RunAsync<string>(static () => throw new IOException("share gone", Errno.EHOSTDOWN)));
        }

        var retryLines = _services.GetFakeLogCollector().GetSnapshot().Where(static r => r.Id.Id == 2005).ToList();
        Assert.Single(retryLines); // 25 retries within less than a minute of the fake clock: one line
        _clock.Advance(LogThrottle.Interval);
        await Assert.ThrowsAsync<IOException>(() => RunAsync<string>(static () => throw new IOException("share gone", Errno.EHOSTDOWN)));
        var next = _services.GetFakeLogCollector().GetSnapshot().Where(static r => r.Id.Id == 2005).Skip(1).First();
        Assert.Contains("more retries of this kind", next.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs through the pipeline, moving the fake clock past each backoff delay.</summary>
    private async Task<T> RunAsync<T>(Func<T> call)
    {
        var run = Task.Run(() => Pipeline.Execute(call), TestContext.Current.CancellationToken);
        while (!run.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(run, Task.Delay(1, TestContext.Current.CancellationToken));
        }

        return await run;
    }
}
