using DocGen.Worker.Cli;
using DocGen.Worker.Service;
using Microsoft.Extensions.Configuration;

namespace DocGen.Worker.Tests.Service;

/// <summary>Each configuration mistake is one clear line (key, value, what is allowed), exit 2, and never a stack trace.</summary>
public sealed class ConfigurationCheckTests
{
    [Theory]
    [InlineData("--DocGen:RescanInterval=abc", "DocGen:RescanInterval = “abc”", "00:00:05")]
    [InlineData("--DocGen:MaxConcurrency=0", "DocGen:MaxConcurrency = “0”", "1 到 256")]
    [InlineData("--DocGen:MaxConcurency=4", "DocGen:MaxConcurency", "DocGen:MaxConcurrency")]
    [InlineData("--DocGen:FlushToDisk=maybe", "DocGen:FlushToDisk = “maybe”", "true 或 false")]
    [InlineData("--DocGen:PdfMaxDocumentBytes=lots", "DocGen:PdfMaxDocumentBytes = “lots”", "整数")]
    public async Task Mistake_IsOneLine_ExitTwo_NoStackTrace(string setting, string names, string allowed)
    {
        await using var box = new ServiceSandbox();
        using var error = new StringWriter();

        var exit = await ServiceHost.RunAsync(box.Arguments(setting), error, TestContext.Current.CancellationToken);

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Equal(2, lines.Length); // the heading and the one line
        Assert.Contains(names, lines[1], StringComparison.Ordinal);
        Assert.Contains(allowed, lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)] // a templates folder without frameworks/
    [InlineData(true)] // a framework file that does not parse
    public async Task TemplatesFolderWithoutUsableFrameworks_IsOneLine_ExitTwo_NoStackTrace(bool broken)
    {
        await using var box = new ServiceSandbox();
        var templates = Path.Combine(box.Folder, "other-templates");
        Directory.CreateDirectory(Path.Combine(templates, broken ? "frameworks" : "nothing"));
        if (broken)
        {
            await File.WriteAllTextAsync(Path.Combine(templates, "frameworks", "x.framework.json"), "{bad", TestContext.Current.CancellationToken);
        }

        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "docgen.dll"), "run", .. box.Arguments($"--DocGen:Templates={templates}")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var lines = (await output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExitCodes.UsageOrIo, process.ExitCode);
        var line = Assert.Single(lines);
        Assert.Contains("frameworks", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsInTheirOwnSpelling_AndAnyCase_AreAccepted()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DocGen:maxconcurrency"] = "4", ["DocGen:StableFor"] = "00:00:02", ["DocGen:Root"] = "/srv/x" })
            .Build();

        Assert.Empty(ConfigurationCheck.Problems(configuration));
    }
}
