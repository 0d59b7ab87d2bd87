using System.Diagnostics;
using DocGen.Worker.Service;

namespace DocGen.Benchmarks;

/// <summary>
/// The inbox service, run in a child process of its own (<c>--child-service</c>): "just started"
/// then means a fresh runtime, not one that has already compiled the rendering code for the
/// benchmarks before it. Bursts of drops (throughput) and one file at a time (latency).
/// </summary>
internal sealed class ServiceBenchmark(bool smoke, Report report)
{
    public async Task RunAsync()
    {
        var files = smoke ? 50 : 1000;
        var folder = Directory.CreateTempSubdirectory("docgen-bench-");
        try
        {
            var root = Path.Combine(folder.FullName, "data");
            using var host = ServiceHost.CreateBuilder([$"--DocGen:Root={root}", $"--DocGen:Templates={Path.Combine(Bench.Root, "templates")}", "--Logging:LogLevel:Default=Warning"]).Build();
            await host.StartAsync();
            var inbox = Path.Combine(root, "inbox");
            var outFolder = Path.Combine(root, "out");
            await Bench.WaitFor(() => Directory.Exists(inbox));

            // Throughput: all files dropped at once (write-then-rename), first into a service just
            // started (its code still being JIT-compiled), then twice more into the same one: the
            // runtime defers tiering up while new code keeps appearing, so the third burst is the
            // steady state of a service that has been running for a while.
            var done = 0;
            foreach (var phase in new[] { "just started", "second", "warm" })
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < files; i++)
                {
                    Bench.Drop(inbox, $"{phase[0]}{i:D5}.json");
                }

                done += files;
                await Bench.WaitFor(() => Directory.EnumerateFiles(outFolder).Count() >= done);
                var seconds = clock.Elapsed.TotalSeconds;
                var cpuPerDoc = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / files;
                report.Add($"service: {files:N0} files dropped at once, {phase}", $"{files / seconds:F0} docs/s ({seconds:F2} s, {cpuPerDoc:F1} ms CPU/doc)", "≥ 400 docs/s");
                await Task.Delay(500); // let the runtime finish tiering up what the burst ran
            }

            // Latency: one file at a time, from the rename into the inbox to the document in out/.
            var samples = smoke ? 20 : 200;
            var latencies = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var name = $"l{i:D5}";
                var target = Path.Combine(outFolder, name + ".docx");
                var start = Stopwatch.GetTimestamp();
                Bench.Drop(inbox, name + ".json");
                while (!File.Exists(target))
                {
                    if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromMinutes(1))
                    {
                        throw new TimeoutException($"{name}.json was not processed within a minute");
                    }

                    await Task.Delay(1);
                }

                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                await Task.Delay(10);
            }

            latencies.Sort();
            report.Add("service: drop-to-output latency", $"p50 {Bench.Percentile(latencies, 0.50):F1} ms, p99 {Bench.Percentile(latencies, 0.99):F1} ms", "p50 ≤ 50 ms, p99 ≤ 250 ms");
            await host.StopAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
