using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace DocGen.Worker.Tests.Service;

/// <summary>
/// Everything a hostile or careless user can drop, at once, with valid submissions among them,
/// into a real <c>docgen run</c> process: every valid one is published once, every hostile entry
/// ends in <c>failed/</c> with its report, nothing outside the root is read or changed, nothing
/// stays behind, memory stays bounded, and SIGTERM stops it.
/// </summary>
public sealed class HostileDropTests
{
    private const int Valid = 40;

    [Fact]
    public async Task EveryHostileCaseAtOnce_AmongValidSubmissions()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs, raw names and SIGTERM are tested on Linux");
        await using var box = new ServiceSandbox();
        var outside = Path.Combine(box.Folder, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "seed.json"), ServiceSandbox.SeedJson);
        var before = Fingerprint(outside);
        Directory.CreateDirectory(box.Inbox);
        using var service = box.StartProcess("--DocGen:StableFor=00:00:01");

        var hostile = new List<string>();
        void Expect(string stem) => hostile.Add(stem);
        Shell("""
            cd "$1"
            mkfifo fifo1.json fifo2.json fifo3.json fifo4.json
            ln -s /dev/zero zero.json
            ln -s "$2/seed.json" outside-link.json
            ln "$2/seed.json" outside-hard.json
            mkdir folder.json
            truncate -s 1900M huge.json
            truncate -s 3G huger.json
            cp "$2/seed.json" "$1"/$'\xb9\xa4\xd7\xf7'.json
            """, box.Inbox, outside);
        foreach (var stem in new[] { "fifo1", "fifo2", "fifo3", "fifo4", "zero", "outside-link", "outside-hard", "folder", "huge", "huger" })
        {
            Expect(stem);
        }

        for (var i = 0; i < Valid; i++)
        {
            box.Drop($"v{i:D2}.json", ServiceSandbox.SeedJson);
        }

        for (var i = 0; i < 5; i++)
        {
            box.Drop($"p{i}.receipt.json", ServiceSandbox.SeedJson);
            box.Drop($"p{i}.json", ServiceSandbox.SeedJson);
            box.Drop($"q{i}.errors.json", "{}");
            box.Drop($"q{i}.json", "{}");
            Expect($"q{i}_errors");
            Expect($"q{i}");
        }

        var longName = new string('长', 81);
        box.Drop(longName + ".json", ServiceSandbox.SeedJson);

        // A slow plain copy cut inside a Chinese character, finished a moment later.
        var seed = System.Text.Encoding.UTF8.GetBytes(ServiceSandbox.SeedJson);
        var cut = Array.IndexOf(seed, (byte)0xE5) + 1;
        var torn = Path.Combine(box.Inbox, "torn.json");
        await File.WriteAllBytesAsync(torn, seed[..cut], TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken); // the writer pausing, well under StableFor
        await using (var rest = new FileStream(torn, FileMode.Append))
        {
            await rest.WriteAsync(seed.AsMemory(cut), TestContext.Current.CancellationToken);
        }

        var publishedValid = Valid + 10 + 1 + 1 + 1; // v*, p*, the long name, the GBK name, the torn copy
        await ServiceSandbox.Eventually(
            () => ServiceSandbox.Names(box.Out).Count == publishedValid && ServiceSandbox.Names(box.Failed, "*.errors.txt").Count == hostile.Count
                && ServiceSandbox.Names(box.Inbox).Count == 0 && !Directory.EnumerateFileSystemEntries(box.Processing).Any(),
            "every entry ended", 120,
            () => $"out {ServiceSandbox.Names(box.Out).Count}/{publishedValid}, failed {string.Join(",", ServiceSandbox.Names(box.Failed, "*.errors.txt"))}, inbox {string.Join(",", Directory.EnumerateFileSystemEntries(box.Inbox).Select(Path.GetFileName))}, processing {Directory.EnumerateFileSystemEntries(box.Processing).Count()}");
        var peak = PeakResidentMegabytes(service.Id);

        Assert.Equal(hostile.Select(static s => s + ".errors.txt").Order(StringComparer.Ordinal), ServiceSandbox.Names(box.Failed, "*.errors.txt"));
        Assert.Contains("%B9%A4%D7%F7.docx", ServiceSandbox.Names(box.Out));
        Assert.Contains("torn.docx", ServiceSandbox.Names(box.Out));
        Assert.Equal(before, Fingerprint(outside));
        Assert.True(peak < 400, $"peak resident memory {peak} MB");

        // SIGTERM: a clean stop well within the host's shutdown timeout (30 s).
        var clock = Stopwatch.StartNew();
        Shell("kill -TERM \"$1\"", service.Id.ToString(CultureInfo.InvariantCulture));
        await service.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(0, service.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    private static string Fingerprint(string folder)
        => string.Join(";", Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(static f =>
            $"{Path.GetFileName(f)}:{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}:{File.GetLastWriteTimeUtc(f).Ticks}"));

    private static long PeakResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(static l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static void Shell(string script, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script, "bash", .. args]) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
