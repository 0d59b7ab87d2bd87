using System.Diagnostics;
using DocGen.Worker.Service;
using DocGen.Worker.Tests.Cli;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DocGen.Worker.Tests.Service;

/// <summary>
/// A temporary data root with its own copy of the templates, and real hosts running on it. The
/// hosts' clock is <see cref="Clock"/>: the tests move time (rescans, stability waits) themselves.
/// </summary>
internal sealed class ServiceSandbox : IAsyncDisposable
{
    /// <summary>How far <see cref="WaitUntilAsync"/> moves the clock per look: one rescan interval.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private readonly List<IHost> _hosts = [];
    private readonly List<(int Id, DateTime Started)> _processes = [];

    public ServiceSandbox()
    {
        Folder = Directory.CreateTempSubdirectory("docgen-svc-").FullName;
        Templates = Path.Combine(Folder, "templates");
        CopyDirectory(Path.Combine(CliTests.Root, "templates"), Templates);
    }

    public string Folder { get; }

    /// <summary>The time the hosts of this sandbox see.</summary>
    public FakeTimeProvider Clock { get; } = new();

    public string Root => Path.Combine(Folder, "data");

    public string Templates { get; }

    public string TemplateFile => Path.Combine(Templates, "performance-goals.docx");

    public string Inbox => Path.Combine(Root, "inbox");

    public string Out => Path.Combine(Root, "out");

    public string Archive => Path.Combine(Root, "archive");

    public string Failed => Path.Combine(Root, "failed");

    public string Processing => Path.Combine(Root, "processing");

    public string Quarantine => Path.Combine(Root, "quarantine");

    public static string SeedJson { get; } = File.ReadAllText(Path.Combine(CliTests.Root, "fixtures", "S001-seed.json"));

    /// <summary>The service's arguments for this sandbox: short intervals so tests run fast.</summary>
    public string[] Arguments(params string[] extra) =>
    [
        $"--DocGen:Root={Root}",
        $"--DocGen:Templates={Templates}",
        "--DocGen:RescanInterval=00:00:00.100",
        "--DocGen:StableFor=00:00:00.300",
        "--DocGen:IncompleteGrace=00:00:00.300",
        "--DocGen:ParseRetryDelay=00:00:00.200",
        "--DocGen:FlushToDisk=true", // as in production: the end-to-end tests publish durably
        "--DocGen:WarmUpTime=00:00:00", // many services start here: the rehearsal through the folders is enough
        "--Logging:LogLevel:Default=Warning",
        "--DocGen:Http=off", // many services run at once here: a test that wants the status pages asks for them
        .. extra,
    ];

    public async Task<IHost> StartHostAsync(params string[] extra)
    {
        var builder = ServiceHost.CreateBuilder(Arguments(extra));
        builder.Services.AddSingleton<TimeProvider>(Clock);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Starts <c>docgen run</c> on this sandbox as a process of its own (its output is read and dropped).</summary>
    public Process StartProcess(params string[] extra) => StartProcess(new Dictionary<string, string>(), [], extra);

    /// <summary>Starts <c>docgen run</c> with these environment variables set (e.g. <c>TMPDIR</c>), under a launcher when one is given (<c>strace -f …</c>).</summary>
    public Process StartProcess(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> launcher, params string[] extra)
    {
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in launcher.Skip(1).Concat(launcher.Count > 0 ? ["dotnet"] : []))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "docgen.dll"));
        start.ArgumentList.Add("run");
        foreach (var argument in Arguments(extra))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _processes.Add((process.Id, process.StartTime));
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Nothing waits in the inbox and nothing is claimed, and every host of this sandbox has ended
    /// what it took: every submission dropped so far has ended and been reported (a claim is released
    /// before the flush that makes its last moves durable, and reported after it).
    /// </summary>
    public bool Idle() => Names(Inbox).Count == 0 && !Directory.EnumerateFileSystemEntries(Processing).Any()
        && _hosts.All(static h => h.Services.GetServices<IHostedService>().OfType<InboxService>().Single().IsIdle);

    /// <summary>The receipts in <c>archive/</c> that are finished (not a reservation's placeholder, <c>"state": "publishing"</c>): their documents are in place.</summary>
    public int FinishedReceipts() => Names(Archive, "*.receipt.json").Count(name => !IsPlaceholder(Path.Combine(Archive, name)));

    /// <summary>Whether a receipt is finished: a regular file that is not a reservation's placeholder (read as the service reads it: a FIFO planted under the name is never opened).</summary>
    public bool HasFinishedReceipt(string name) => DocGen.Worker.IO.SafeFile.Read(Path.Combine(Archive, name), 1 << 20) is { Outcome: DocGen.Worker.IO.SafeReadOutcome.Read, Bytes: var bytes }
        && !System.Text.Encoding.UTF8.GetString(bytes!).Contains("\"state\":\"publishing\"", StringComparison.Ordinal);

    private static bool IsPlaceholder(string path)
    {
        try
        {
            return File.ReadAllText(path).Contains("\"state\":\"publishing\"", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return true; // replaced while being read: look again
        }
    }

    /// <summary>Drops a submission the recommended way: write to a temporary name, then rename.</summary>
    public void Drop(string name, string content) => Drop(name, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Drops bytes (a workbook) the recommended way.</summary>
    public void Drop(string name, byte[] content)
    {
        Directory.CreateDirectory(Inbox);
        var temp = Path.Combine(Inbox, "." + name + ".tmp");
        File.WriteAllBytes(temp, content);
        File.Move(temp, Path.Combine(Inbox, name));
    }

    /// <summary>
    /// Waits for a condition, moving the hosts' clock one rescan interval at a time, and only while
    /// every host's scan loop is resting between passes — waiting on time, which only the clock can
    /// end — so that time never runs past work under way; fails with <paramref name="what"/> after a
    /// real-time deadline.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, int timeoutSeconds = 30, Func<string>? state = null)
        => await Eventually(condition, what, timeoutSeconds, state, () =>
        {
            if (_hosts.Select(static h => h.Services.GetServices<IHostedService>().OfType<InboxService>().Single()).All(static s => s.IsBetweenPasses))
            {
                Clock.Advance(Step);
            }
        });

    /// <summary>
    /// Lets the hosts run <paramref name="rescans"/> rescans, one rescan interval of the clock each,
    /// and waits until each host has completed the pass and looked at everything it found: a test
    /// that then sees nothing happened knows the service had its chance (not only some real time).
    /// </summary>
    public async Task RunRescansAsync(int rescans)
    {
        var services = _hosts.Select(static h => h.Services.GetServices<IHostedService>().OfType<InboxService>().Single()).ToList();
        for (var i = 0; i < rescans; i++)
        {
            var before = services.Select(static s => s.Passes).ToList();
            Clock.Advance(Step);
            await Eventually(() => services.Select((s, k) => s.Passes > before[k] && s.IsIdle).All(static done => done), "a completed rescan of every host", 30);
        }
    }

    /// <summary>Waits on the real clock for a condition, with a deadline (for separate processes).</summary>
    public static async Task Eventually(Func<bool> condition, string what, int timeoutSeconds = 30, Func<string>? state = null, Action? eachLook = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
            {
                Assert.Fail($"Timed out after {timeoutSeconds} s waiting for: {what}. {state?.Invoke()}");
            }

            eachLook?.Invoke();
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public static List<string> Names(string folder, string pattern = "*")
        => Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, pattern).Select(static f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    public static void AssertValidDocx(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Take(5).Select(static e => e.Description).ToList();
        Assert.True(errors.Count == 0, $"{path}: {string.Join("; ", errors)}");
    }

    public async ValueTask DisposeAsync()
    {
        // A test that failed half-way must not leave its service running (it would recreate its
        // folders for ever): each process started is found again by its id and start time.
        foreach (var (id, started) in _processes)
        {
            try
            {
                using var process = Process.GetProcessById(id);
                if (process.StartTime == started && !process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // already gone
            }
        }

        foreach (var host in _hosts)
        {
            try
            {
                await host.StopAsync(TimeSpan.FromSeconds(10));
            }
            finally
            {
                host.Dispose();
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a killed child process may still hold a file for a moment
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
