using System.Diagnostics;
using DocGen.Worker.Service.Status;
using Microsoft.Extensions.DependencyInjection;

namespace DocGen.Worker.Tests.Service.Status;

/// <summary>The status page as an admin's browser shows it: headless Chromium from the OS packages renders it (skipped, or failed in CI, without Chromium).</summary>
public sealed class StatusPageBrowserTests
{
    [Fact]
    public async Task Chromium_RendersTheStatusPage_InChinese_WithBothSubmissionsAndTheRejectedOnesCode()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "Chromium must be installed in CI (.ci/run installs it)");
            Assert.Skip("skipped: Chromium is not installed (apt-get install chromium)");
        }

        await using var box = new ServiceSandbox();
        var host = await box.StartHostAsync("--DocGen:Http=http://127.0.0.1:0");
        var address = host.Services.GetRequiredService<StatusServer>().Address!;
        box.Drop("seed.json", ServiceSandbox.SeedJson);
        box.Drop("bad.json", """{ "kind": "combined" }""");
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Archive, "seed.json")) && File.Exists(Path.Combine(box.Failed, "bad.json")) && box.Idle(), "both ended");

        var start = new ProcessStartInfo(chromium, ["--headless", "--disable-gpu", "--no-sandbox", $"--user-data-dir={Path.Combine(box.Folder, "chromium")}", "--dump-dom", address.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var browser = Process.Start(start)!;
        var stderr = browser.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var dom = await browser.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await browser.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        _ = await stderr;

        Assert.Contains("<title>DocGen 运行状态</title>", dom, StringComparison.Ordinal);
        Assert.Contains("正在使用：performance-goals.docx", dom, StringComparison.Ordinal);
        Assert.Contains("seed.json", dom, StringComparison.Ordinal);
        Assert.Contains("bad.json", dom, StringComparison.Ordinal);
        Assert.Contains("退回</span> V1", dom, StringComparison.Ordinal);
        Assert.Contains("已生成 1 份，退回 1 份", dom, StringComparison.Ordinal);
    }
}
