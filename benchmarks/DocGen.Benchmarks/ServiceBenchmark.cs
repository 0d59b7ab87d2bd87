using System.Diagnostics;
using DocGen.Worker.Service;
using Microsoft.Extensions.DependencyInjection;

namespace DocGen.Benchmarks;

/// <summary>
/// The inbox service, run in a child process of its own (<c>--child-service</c>): "just started"
/// then means a fresh runtime, not one that has already compiled the rendering code for the
/// benchmarks before it. Bursts of drops (throughput) and a steady 100 drops a second (latency).
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
            report.Add("service: the folders' file system", FileSystemOf(folder.FullName), "");
            using var host = ServiceHost.CreateBuilder([$"--DocGen:Root={root}", $"--DocGen:Templates={Path.Combine(Bench.Root, "templates")}", "--Logging:LogLevel:Default=Warning", "--DocGen:Http=off"]).Build();
            await host.StartAsync();
            var flushes = host.Services.GetRequiredService<DocGen.Worker.IO.FolderFlushes>();
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
                var flushedBefore = flushes.Flushes;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < files; i++)
                {
                    Bench.Drop(inbox, $"{phase[0]}{i:D5}.json");
                }

                done += files;
                await Bench.WaitFor(() => Directory.EnumerateFiles(outFolder).Count() >= done);
                var seconds = clock.Elapsed.TotalSeconds;
                var cpuPerDoc = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / files;
                var target = phase == "just started" ? 400 : 600;
                var folderFlushes = (double)(flushes.Flushes - flushedBefore) / files;
                report.Add($"service: {files:N0} files dropped at once, {phase}", $"{files / seconds:F0} docs/s ({seconds:F2} s, {cpuPerDoc:F1} ms CPU/doc, {(flushes.CoversFiles ? $"{folderFlushes:F2} file-system flushes/doc, files included" : $"{folderFlushes:F2} folder flushes/doc + 3 file flushes/doc")})", smoke ? $"≥ {target} docs/s for 1,000 drops (not judged in a smoke pass)" : $"≥ {target} docs/s", smoke || files / seconds >= target);
                await Task.Delay(500); // let the runtime finish tiering up what the burst ran
            }

            // Latency at a steady 100 drops a second (one every 10 ms, not waiting for the
            // documents): from each rename into the inbox to its document appearing in out/, as
            // a watcher on out/ sees it.
            var samples = smoke ? 20 : 300;
            var dropped = new Dictionary<string, long>();
            var arrived = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
            using (var watcher = new FileSystemWatcher(outFolder, "l*.docx") { InternalBufferSize = 64 * 1024 })
            {
                void Seen(string name) => arrived.TryAdd(Path.GetFileNameWithoutExtension(name), Stopwatch.GetTimestamp());
                watcher.Created += (_, e) => Seen(e.Name!);
                watcher.Renamed += (_, e) => Seen(e.Name!);
                watcher.EnableRaisingEvents = true;
                var pace = Stopwatch.StartNew();
                for (var i = 0; i < samples; i++)
                {
                    var name = $"l{i:D5}";
                    while (pace.Elapsed < TimeSpan.FromMilliseconds(10 * i))
                    {
                        await Task.Delay(1);
                    }

                    dropped[name] = Stopwatch.GetTimestamp();
                    Bench.Drop(inbox, name + ".json");
                }

                await Bench.WaitFor(() => arrived.Count >= samples);
            }

            var latencies = dropped.Select(d => Stopwatch.GetElapsedTime(d.Value, arrived[d.Key]).TotalMilliseconds).Order().ToList();
            report.Add($"service: drop-to-output latency, {samples} drops at 100 a second", $"p50 {Bench.Percentile(latencies, 0.50):F1} ms, p99 {Bench.Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms", "p99 ≤ 100 ms", Bench.Percentile(latencies, 0.99) <= 100);
            await host.StopAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The file system under the service's folders (<c>TMPDIR</c>): the bursts create and delete
    /// inodes for every document, and on ext4 without a journal each new inode is found past the
    /// ones deleted in the last seconds, which the kernel's time per document then shows.
    /// </summary>
    private static string FileSystemOf(string path)
    {
        try
        {
            var mount = File.ReadLines("/proc/mounts")
                .Select(static l => l.Split(' '))
                .Where(f => f.Length > 2 && (path == f[1] || path.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
                .MaxBy(static f => f[1].Length);
            if (mount is null)
            {
                return "unknown";
            }

            var device = Path.GetFileName(mount[0]);
            var journal = mount[2] == "ext4" && File.Exists($"/sys/fs/ext4/{device}/journal_task") && File.ReadAllText($"/sys/fs/ext4/{device}/journal_task").Trim() == "<none>" ? ", no journal" : "";
            return $"{mount[2]}{journal} on {mount[1]} (TMPDIR={Path.GetTempPath()})";
        }
        catch (IOException)
        {
            return "unknown (no /proc/mounts)";
        }
    }
}
