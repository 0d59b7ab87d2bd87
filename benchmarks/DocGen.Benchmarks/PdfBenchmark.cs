using System.Diagnostics;
using System.Globalization;
using DocGen.Worker.Pdf;
using DocGen.Worker.Service;

namespace DocGen.Benchmarks;

/// <summary>
/// The service with <c>Pdf</c> on, in a child process of its own (<c>--child-pdf</c>): seeds dropped
/// into a service started 2 s earlier (as issue #26 measures it: converters just started), until every Word
/// document has its PDF; then one file at a time, from the drop to the PDF in <c>out/</c>.
/// </summary>
internal sealed class PdfBenchmark(bool smoke, Report report)
{
    public async Task RunAsync()
    {
        if (LibreOfficeInstallation.Find(null, out var problem) is null)
        {
            report.Add("service with PDF", $"skipped: {problem}", "≥ 5 PDFs/s");
            return;
        }

        var files = smoke ? 8 : 40;
        var folder = Directory.CreateTempSubdirectory("docgen-bench-pdf-");
        try
        {
            var root = Path.Combine(folder.FullName, "data");
            using var host = ServiceHost.CreateBuilder([$"--DocGen:Root={root}", $"--DocGen:Templates={Path.Combine(Bench.Root, "templates")}", "--DocGen:Pdf=true", "--Logging:LogLevel:Default=Warning", "--DocGen:Http=off", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"]).Build();
            var start = Stopwatch.StartNew();
            await host.StartAsync();
            var startUp = start.Elapsed;
            var inbox = Path.Combine(root, "inbox");
            var outFolder = Path.Combine(root, "out");
            int Pdfs() => Directory.EnumerateFiles(outFolder, "*.pdf").Count();

            // 40 seeds dropped at once, until each has its PDF: the rate, and DocGen's own CPU per document.
            var done = 0;
            async Task<(double Seconds, double CpuPerDoc)> BurstAsync(char prefix)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < files; i++)
                {
                    Bench.Drop(inbox, $"{prefix}{done + i:D3}.json");
                }

                done += files;
                await Bench.WaitFor(() => Pdfs() >= done);
                return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / files);
            }

            // First into the service just started (LibreOffice starting while the files arrive): as
            // issue #26 measures it, the files arrive 2 s after the start.
            if (TimeSpan.FromSeconds(2) - start.Elapsed is { Ticks: > 0 } rest)
            {
                await Task.Delay(rest);
            }

            var sinceStart = start.Elapsed;
            var (seconds, cpuPerDoc) = await BurstAsync('j');
            report.Add($"service with PDF: {files} seeds dropped at once, just started", $"{files / seconds:F1} PDFs/s ({seconds:F2} s from the drops, dropped {sinceStart.TotalSeconds:F1} s after the start, host start {startUp.TotalMilliseconds:F0} ms; DocGen's own CPU {cpuPerDoc:F0} ms/doc)", smoke ? "≥ 5 PDFs/s on 2 cores for 40 seeds (not judged in a smoke pass)" : "≥ 5 PDFs/s on 2 cores", smoke || files / seconds >= 5);

            // Then into the same one three times more: the converters' steady state, whose median is
            // reported, as one burst of 40 moves by 10-20 % with what else the shared machine does.
            var rates = new List<double>();
            var cpus = new List<double>();
            for (var burst = 0; burst < (smoke ? 1 : 3); burst++)
            {
                (seconds, cpuPerDoc) = await BurstAsync('w');
                rates.Add(files / seconds);
                cpus.Add(cpuPerDoc);
            }

            report.Add($"service with PDF: {files} seeds dropped at once, warm (median of {rates.Count} {(rates.Count == 1 ? "burst" : "bursts")})",
                $"{Bench.Median(rates):F1} PDFs/s ({string.Join(", ", rates.Select(static r => r.ToString("F1", CultureInfo.InvariantCulture)))}; DocGen's own CPU {Bench.Median(cpus):F0} ms/doc)",
                "≥ 10 PDFs/s on 2 cores");

            var samples = smoke ? 3 : 20;
            var latencies = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var name = $"l{i:D3}";
                var target = Path.Combine(outFolder, name + ".pdf");
                var dropped = Stopwatch.GetTimestamp();
                Bench.Drop(inbox, name + ".json");
                await Bench.WaitFor(() => File.Exists(target), pollMilliseconds: 2);
                latencies.Add(Stopwatch.GetElapsedTime(dropped).TotalMilliseconds);
            }

            latencies.Sort();
            report.Add("service with PDF: drop-to-PDF latency (one at a time)", $"p50 {Bench.Percentile(latencies, 0.50):F0} ms, max {latencies[^1]:F0} ms", "");
            await BehindBigOnesAsync(inbox, root);
            await host.StopAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Two big submissions converting (their PDFs take most of a minute each), then a seed and an
    /// invalid file dropped behind them: how long those two wait. Stopped before the big ones end.
    /// </summary>
    private async Task BehindBigOnesAsync(string inbox, string root)
    {
        var projects = smoke ? 200 : 1_000; // both over the 256 KiB of a long document
        var big = Bench.ManyProjects(projects);
        Bench.Drop(inbox, "big1.json", big);
        Bench.Drop(inbox, "big2.json", big);
        var processing = Path.Combine(root, "processing");
        await Bench.WaitFor(() => Directory.EnumerateFiles(processing, ".docgen-pdf-pending", SearchOption.AllDirectories).Any()); // a big one converting
        var dropped = Stopwatch.GetTimestamp();
        Bench.Drop(inbox, "behind.json");
        Bench.Drop(inbox, "behind-invalid.json", "{ \"kind\": \"combined\" }"u8.ToArray());
        await Bench.WaitFor(() => File.Exists(Path.Combine(root, "failed", "behind-invalid.errors.txt")), pollMilliseconds: 2);
        var invalid = Stopwatch.GetElapsedTime(dropped).TotalMilliseconds;
        await Bench.WaitFor(() => File.Exists(Path.Combine(root, "out", "behind.pdf")), pollMilliseconds: 2);
        var seed = Stopwatch.GetElapsedTime(dropped).TotalMilliseconds;
        var bigDone = Directory.EnumerateFiles(Path.Combine(root, "out"), "big*.pdf").Count();
        report.Add($"service with PDF: seed dropped behind two {projects:N0}-project submissions converting",
            $"seed's PDF {seed:F0} ms, invalid file's report {invalid:F0} ms after the drop ({bigDone} of the big PDFs done by then)", "seed within 2 s");
    }
}
