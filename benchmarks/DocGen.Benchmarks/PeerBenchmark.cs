using System.Diagnostics;
using System.Globalization;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Pipeline;

using DocGen.Worker.IO;
using DocGen.Worker.Pipeline;

namespace DocGen.Benchmarks;

/// <summary>
/// DocGen beside a peer in one run: docxtemplater (Node.js, <c>benchmarks/peer/peer.js</c>) fills a
/// same-shaped indicator table from the same JSON files. Both end to end: read the JSON, fill,
/// zip into document bytes. Then the whole <c>docgen render</c> process on 10,000 indicators
/// against the peer's render. Runs when <c>node</c> is on the PATH; says so when it cannot.
/// </summary>
internal sealed class PeerBenchmark(bool smoke, Report report, SubmissionPipeline pipeline)
{
    /// <summary>Timed pairs of <c>docgen render</c> runs (10 and 10,000 indicators) in the CLI row, after one untimed pair.</summary>
    private const int Pairs = 9;

    private static readonly string s_peerFolder = Path.Combine(Bench.Root, "benchmarks", "peer");

    /// <summary>The <c>docgen</c> built beside the benchmark, and whether GNU time is there to read its peak memory.</summary>
    private static readonly string s_docgen = Path.Combine(AppContext.BaseDirectory, "docgen");
    private static readonly bool s_timed = File.Exists("/usr/bin/time");

    public void Run()
    {
        var folder = Directory.CreateTempSubdirectory("docgen-peer-");
        try
        {
            if (PeerUnavailable() is { } why)
            {
                report.Add("peer: docxtemplater", $"skipped: {why}", "");
                return;
            }

            Compare(folder.FullName);
        }
        catch (PeerException ex)
        {
            // The peer is a yardstick, not DocGen: its failure is reported, never the run's.
            report.Add("peer: docxtemplater", $"skipped: {ex.Message}", "");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private void Compare(string folder)
    {
        var template = TemplateCompiler.Compile(Bench.TemplateBytes, "performance-goals.docx");
        var peerTimes = new Dictionary<int, double>();
        foreach (var rows in smoke ? new[] { 10, 1000 } : [10, 1000, 10000])
        {
            var file = Path.Combine(folder, $"table-{rows}.json");
            var bytes = Harness.TableJson(rows);
            File.WriteAllBytes(file, bytes);
            var runs = rows >= 10000 ? 5 : rows >= 1000 ? 20 : 200;
            var ours = WarmMedian(runs, () => SubmissionPipeline.Run(pipeline.Check(file, SafeFile.Read(file, pipeline.Validator.Limits.MaxFileBytes)), template));
            var peer = Node("table", file, runs.ToString(CultureInfo.InvariantCulture)).Split('\t');
            var peerMs = double.Parse(peer[0], CultureInfo.InvariantCulture);
            peerTimes[rows] = peerMs;
            report.Add($"end to end, {rows:N0} indicators (read JSON → docx bytes, in process, warm)",
                $"DocGen {ours:F2} ms, docxtemplater {peerMs:F1} ms (peak {peer[1]} MB): **{peerMs / ours:F0}×**", "");
        }

        // The yardstick: the whole seed (both parts, 9 indicators) against the peer's 10-row table.
        var seedFile = Path.Combine(folder, "seed.json");
        File.WriteAllBytes(seedFile, Bench.SeedBytes);
        var seed = WarmMedian(smoke ? 200 : 2000, () => SubmissionPipeline.Run(pipeline.Check(seedFile, SafeFile.Read(seedFile, pipeline.Validator.Limits.MaxFileBytes)), template));
        report.Add("seed, end to end (read JSON → docx bytes, in process, warm)", $"DocGen {seed * 1000:F0} µs against docxtemplater's 10-row table {peerTimes[10]:F1} ms: **{peerTimes[10] / seed:F0}×**", "≥ 50×", peerTimes[10] / seed >= 50);

        var burst = Node("burst", Path.Combine(folder, "table-10.json"), smoke ? "50" : "1000").Split('\t');
        report.Add($"peer: {(smoke ? 50 : 1000):N0} 10-row tables in one process (no inbox)", $"docxtemplater {burst[0]} docs/s in a fresh process, {burst[1]} docs/s warm", "");

        if (!smoke)
        {
            Cli(folder, peerTimes[10000]);
        }
    }

    /// <summary>
    /// The whole <c>docgen render</c> process on 10,000 indicators, less the same on 10: what the
    /// table costs a user at the command line. The two run in turn, and the extra is the median of
    /// the pairs' differences: the machine's speed drifts within a minute, and timing all of one
    /// file before all of the other put that drift into the difference (8× and 65× in two runs).
    /// </summary>
    private void Cli(string folder, double peer10000)
    {
        var small = Path.Combine(folder, "table-10.json");
        var big = Path.Combine(folder, "table-10000.json");
        var smallTimes = new List<double>();
        var bigTimes = new List<double>();
        var extras = new List<double>();
        long? peakKb = null;
        for (var i = 0; i < Pairs + 1; i++)
        {
            var (smallMs, _) = Run(small);
            var (bigMs, bigPeakKb) = Run(big);
            peakKb = bigPeakKb is { } kb ? Math.Max(kb, peakKb ?? 0) : peakKb;
            if (i > 0)
            {
                // The first pair only warms the disk cache and the runtime's files.
                smallTimes.Add(smallMs);
                bigTimes.Add(bigMs);
                extras.Add(bigMs - smallMs);
            }
        }

        var extra = Bench.Median(extras);
        report.Add("CLI: docgen render of 10,000 indicators, whole process minus 10 indicators",
            $"{extra:F0} ms (median of {Pairs} pairs; medians {Bench.Median(bigTimes):F0} and {Bench.Median(smallTimes):F0} ms), peak {(peakKb is { } most ? $"{most / 1024} MB (the largest of {Pairs + 1} runs)" : "not measured (no /usr/bin/time)")} against docxtemplater's render {peer10000:F0} ms: **{peer10000 / extra:F1}×**",
            "≥ 9×, ≤ 80 MB");
    }

    /// <summary>One <c>docgen render</c>: its wall time, and its peak memory in KB when GNU time is there to read it.</summary>
    private static (double Ms, long? PeakKb) Run(string file)
    {
        var output = Path.ChangeExtension(file, ".docx");
        var start = new ProcessStartInfo(s_timed ? "/usr/bin/time" : s_docgen) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[.. s_timed ? ["-f", "peak %M KB", s_docgen] : Array.Empty<string>(), "render", file, "-o", output])
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errorsRead = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        var errors = errorsRead.Result;
        process.WaitForExit();
        var ms = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docgen render {file} failed (exit code {process.ExitCode}): {errors}");
        }

        var line = errors.Split('\n').LastOrDefault(static l => l.StartsWith("peak ", StringComparison.Ordinal));
        return (ms, line is null ? null : long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The median of <paramref name="runs"/> timed runs after as many untimed ones (the code tiered up, the template's blocks compiled).</summary>
    private static double WarmMedian(int runs, Action action)
    {
        Bench.Repeat(Math.Max(runs, 64), action);
        return Bench.Median(Bench.Repeat(runs, action));
    }

    private static string Node(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, WorkingDirectory = s_peerFolder };
        foreach (var argument in (string[])["peer.js", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new PeerException($"node peer.js {string.Join(' ', arguments)} did not finish within 5 minutes");
        }

        return process.ExitCode == 0 ? output.Result.Trim() : throw new PeerException($"node peer.js {string.Join(' ', arguments)} failed (exit code {process.ExitCode})");
    }

    /// <summary>Why the peer cannot run here (no node, or its packages not installable), or null.</summary>
    private static string? PeerUnavailable()
    {
        if (!OnPath("node") || !OnPath("npm"))
        {
            return "node and npm are not installed (Node.js 18 or later, with npm)";
        }

        using (var version = Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true }))
        {
            var text = version.StandardOutput.ReadToEnd().Trim();
            version.WaitForExit();
            if (!int.TryParse(text.TrimStart('v').Split('.')[0], out var major) || major < 18)
            {
                return $"node {text} is too old for docxtemplater 3.71 (18 or later)";
            }
        }

        if (Directory.Exists(Path.Combine(s_peerFolder, "node_modules", "docxtemplater")) && Directory.Exists(Path.Combine(s_peerFolder, "node_modules", "pizzip")))
        {
            return null;
        }

        // Exactly the versions of package-lock.json; a registry that does not answer fails fast.
        var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error", "--fetch-timeout=20000", "--fetch-retries=1"])
        {
            WorkingDirectory = s_peerFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Start(start);
        var stderr = npm.StandardError.ReadToEndAsync();
        _ = npm.StandardOutput.ReadToEndAsync();
        if (!npm.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            npm.Kill(entireProcessTree: true);
            return "npm ci in benchmarks/peer did not finish within 3 minutes";
        }

        return npm.ExitCode == 0 ? null : $"npm ci in benchmarks/peer failed: {stderr.Result.Trim().Split('\n').FirstOrDefault()}";
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PeerException($"{start.FileName} could not be started: {ex.Message}");
        }
    }

    private static bool OnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, program)));

    /// <summary>The peer could not run or failed: reported as skipped, never failing DocGen's run.</summary>
    private sealed class PeerException(string message) : Exception(message);
}
