using System.Diagnostics;

namespace DocGen.Worker.Tests.Service;

/// <summary>
/// kill -9 at random moments: every submission still ends exactly once, and every document in
/// <c>out/</c> is complete. Runs <c>docgen run</c> as a separate process.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task ServiceKilledRepeatedlyWhileProcessing_AccountsForEveryInputExactlyOnce()
    {
        await using var box = new ServiceSandbox();
        const int Count = 400;
        var random = new Random(20261124);
        for (var i = 0; i < Count / 2; i++)
        {
            box.Drop($"c{i:D3}.json", i % 10 == 9 ? "{ \"kind\": \"combined\" }" : ServiceSandbox.SeedJson);
        }

        var killedWhileBusy = 0;
        for (var round = 0; round < 4; round++)
        {
            using var process = box.StartProcess();
            if (round == 1)
            {
                for (var i = Count / 2; i < Count; i++)
                {
                    box.Drop($"c{i:D3}.json", i % 10 == 9 ? "{ \"kind\": \"combined\" }" : ServiceSandbox.SeedJson);
                }
            }

            // Kill it in the middle of the work: once a random number more submissions have ended.
            var target = Math.Min(Count, Ended(box) + random.Next(10, 60));
            await ServiceSandbox.Eventually(() => Ended(box) >= target || process.HasExited, $"{target} submissions ended", 120);
            process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            killedWhileBusy += ServiceSandbox.Names(box.Inbox).Count > 0 || Directory.EnumerateFileSystemEntries(box.Processing).Any() ? 1 : 0;
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using (var last = box.StartProcess())
        {
            await ServiceSandbox.Eventually(
                () => ServiceSandbox.Names(box.Inbox).Count == 0 && !Directory.EnumerateFileSystemEntries(box.Processing).Any()
                    && box.FinishedReceipts() + ServiceSandbox.Names(box.Failed, "*.errors.txt").Count == Count,
                "every submission ended", 180, () => $"inbox {ServiceSandbox.Names(box.Inbox).Count}, processing {string.Join(",", Directory.EnumerateFileSystemEntries(box.Processing, "*", SearchOption.AllDirectories))}, receipts {ServiceSandbox.Names(box.Archive, "*.receipt.json").Count}, errors {ServiceSandbox.Names(box.Failed, "*.errors.txt").Count}, out {ServiceSandbox.Names(box.Out).Count}, versioned {string.Join(",", ServiceSandbox.Names(box.Archive).Concat(ServiceSandbox.Names(box.Failed)).Where(static n => n.Contains(".2.", StringComparison.Ordinal)))}");
            last.Kill(entireProcessTree: true);
            await last.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(killedWhileBusy >= 2, $"only {killedWhileBusy} kills hit while work was pending: the test would prove little");
        var valid = Enumerable.Range(0, Count).Where(static i => i % 10 != 9).Select(static i => $"c{i:D3}").ToList();
        var invalid = Enumerable.Range(0, Count).Where(static i => i % 10 == 9).Select(static i => $"c{i:D3}").ToList();
        Assert.Equal(valid.Select(static s => s + ".docx"), ServiceSandbox.Names(box.Out));
        Assert.Equal(valid.SelectMany(static s => new[] { s + ".json", s + ".receipt.json" }).Order(StringComparer.Ordinal), ServiceSandbox.Names(box.Archive));
        Assert.Equal(invalid.SelectMany(static s => new[] { s + ".errors.json", s + ".errors.txt", s + ".json" }).Order(StringComparer.Ordinal), ServiceSandbox.Names(box.Failed));
        foreach (var docx in Directory.EnumerateFiles(box.Out))
        {
            ServiceSandbox.AssertValidDocx(docx);
        }
    }

    private static int Ended(ServiceSandbox box) => box.FinishedReceipts() + ServiceSandbox.Names(box.Failed, "*.errors.txt").Count;
}
