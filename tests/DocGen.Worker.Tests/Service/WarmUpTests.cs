using DocGen.Worker.Service;
using Microsoft.Extensions.DependencyInjection;

namespace DocGen.Worker.Tests.Service;

public sealed class WarmUpTests
{
    [Fact]
    public async Task Rehearsal_GeneratesTheSampleAndRejectsTheBrokenOne_InAScratchFolderItRemoves()
    {
        await using var box = new ServiceSandbox();
        var host = await box.StartHostAsync();

        var outcome = await host.Services.GetRequiredService<WarmUp>().RunAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(outcome);
        Assert.True(outcome.SampleGenerated, "the sample was not generated");
        Assert.True(outcome.BrokenRejected, "the broken sample was not rejected");
        Assert.False(Directory.Exists(outcome.Scratch), $"{outcome.Scratch} is left");
        Assert.Empty(ServiceSandbox.Names(box.Out));
        Assert.Empty(ServiceSandbox.Names(box.Failed));
        Assert.Empty(ServiceSandbox.Names(box.Archive));
    }
}
