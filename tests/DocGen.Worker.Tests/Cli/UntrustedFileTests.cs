using System.Diagnostics;

namespace DocGen.Worker.Tests.Cli;

/// <summary><c>docgen validate</c> reads a file the way the service does: never through a link, never blocking, never unbounded.</summary>
public sealed class UntrustedFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("docgen-cli-").FullName;
    private readonly string _templates = Path.Combine(CliTests.Root, "templates");

    private static int Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }

    [Fact]
    public async Task Fifo_IsRefusedWithAReport_WithoutHanging()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are a Unix matter");
        var fifo = Path.Combine(_folder, "fifo.json");
        Assert.Equal(0, Run("mkfifo", fifo));

        var run = CliTests.Run("validate", fifo, "--templates", _templates);
        var (exit, output, _) = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains("[D10]", output, StringComparison.Ordinal);
        Assert.Contains("命名管道", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymbolicLink_IsRefused_ItsTargetNeverRead()
    {
        var link = Path.Combine(_folder, "link.json");
        File.CreateSymbolicLink(link, Path.Combine(CliTests.Root, "fixtures", "S001-seed.json"));

        var (exit, output, _) = await CliTests.Run("validate", link, "--templates", _templates);

        Assert.Equal(1, exit);
        Assert.Contains("[D10]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileTheUserMayNotRead_IsReportedAsSuch()
    {
        var why = !OperatingSystem.IsLinux() ? "Linux only"
            : Environment.UserName != "root" ? "needs root to run docgen as another user (permissions are not enforced for root itself)"
            : !File.Exists("/usr/bin/setpriv") ? "setpriv (util-linux) is missing"
            : null;
        var docgen = Path.Combine(AppContext.BaseDirectory, "docgen.dll");
        if (why is null && Run("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "test", "-r", docgen) != 0)
        {
            why = "the user nobody cannot read the build output here";
        }

        Assert.SkipWhen(why is not null, $"skipped: {why}");
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var secret = Path.Combine(_folder, "secret.json");
        await File.WriteAllTextAsync(secret, "{}", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute | UnixFileMode.OtherRead);

        var start = new ProcessStartInfo("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "dotnet", docgen, "validate", secret, "--templates", _templates])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = _folder;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("[D11]", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
