using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocGen.Core.Frameworks;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Pipeline;
using DocGen.Worker.Service;

namespace DocGen.Benchmarks;

internal sealed class Harness(bool smoke, Report report)
{
    private static readonly string s_root = FindRoot();
    private static readonly byte[] s_templateBytes = File.ReadAllBytes(Path.Combine(s_root, "templates", "performance-goals.docx"));
    private static readonly byte[] s_seedBytes = File.ReadAllBytes(Path.Combine(s_root, "fixtures", "S001-seed.json"));
    private static readonly DocumentGenerator s_generator = new(new SubmissionValidator(FrameworkCatalog.LoadFolder(Path.Combine(s_root, "templates"))));

    private readonly TimeSpan _budget = smoke ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(3);

    public void Compile()
    {
        TemplateCompiler.Compile(s_templateBytes, "performance-goals.docx");
        var times = Repeat(smoke ? 3 : 30, () => TemplateCompiler.Compile(s_templateBytes, "performance-goals.docx"));
        report.Add("compile shipped template", $"{Median(times):F2} ms", "≤ 50 ms");

        // Blocks start interpreted and are compiled to IL on their 32nd run: what that costs the
        // first documents after a (re)compile, against the steady state of the seed benchmark.
        var valid = s_generator.Validator.Check(s_seedBytes).Valid!;
        var first = Repeat(smoke ? 1 : 5, () =>
        {
            var template = TemplateCompiler.Compile(s_templateBytes, "performance-goals.docx");
            for (var i = 0; i < 64; i++)
            {
                DocumentGenerator.Render(valid, template);
            }
        });
        report.Add("compile + first 64 seed renders", $"{Median(first):F1} ms", "");
    }

    public void Validate()
    {
        var (perOp, _, alloc) = Measure(() => s_generator.Validator.Check(s_seedBytes));
        report.Add("validate seed", $"{perOp * 1000:F0} µs, {alloc / 1024.0:F0} KB alloc", "");
    }

    public void RenderSeed()
    {
        var template = TemplateCompiler.Compile(s_templateBytes, "performance-goals.docx");
        var valid = s_generator.Validator.Check(s_seedBytes).Valid!;
        var size = 0;
        void Once() => size = ((Generated)DocumentGenerator.Render(valid, template)).Document.Length;

        var (perOp, perSecond, alloc) = Measure(Once);
        report.Add("render seed (1 thread)", $"{perOp:F3} ms/doc, {perSecond:F0} docs/s, {alloc / 1024.0:F0} KB alloc/doc, {size / 1024.0:F0} KB docx", "≤ 1 ms/doc, ≥ 1000 docs/s");

        // The whole pipeline in process: bytes in, document bytes out.
        var (e2e, e2ePerSecond, e2eAlloc) = Measure(() => s_generator.Generate(s_seedBytes, template));
        report.Add("validate + render seed (bytes in, docx out)", $"{e2e:F3} ms/doc, {e2ePerSecond:F0} docs/s, {e2eAlloc / 1024.0:F0} KB alloc/doc", "");

        var threads = Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        var total = 0L;
        Parallel.For(0, threads, _ =>
        {
            var n = 0;
            while (clock.Elapsed < _budget)
            {
                DocumentGenerator.Render(valid, template);
                n++;
            }

            Interlocked.Add(ref total, n);
        });
        report.Add($"render seed ({threads} threads)", $"{total / clock.Elapsed.TotalSeconds:F0} docs/s", "scales with cores");
    }

    public void Tables()
    {
        foreach (var size in smoke ? new[] { 100, 1000 } : [100, 1000, 10000, 100000])
        {
            using var child = StartChild("--child-table", size.ToString(CultureInfo.InvariantCulture));
            var line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            var target = size switch { 1000 => "≤ 15 ms", 10000 => "≤ 150 ms, ≤ 80 MB peak", _ => "linear" };
            report.Add($"render table {size:N0} indicators", line, target);
        }
    }

    /// <summary>Runs in a child process so that its peak memory is this table's alone.</summary>
    public static int ChildTable(int size)
    {
        var template = TemplateCompiler.Compile(s_templateBytes, "performance-goals.docx");
        var valid = s_generator.Validator.Validate(BigProject(size)).Valid ?? throw new InvalidOperationException("the generated project is not valid");
        var length = 0;
        DocumentGenerator.Render(valid, template);
        var runs = size >= 100000 ? 3 : size >= 10000 ? 5 : 20;
        var times = new List<double>();
        long alloc = 0;
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            length = ((Generated)DocumentGenerator.Render(valid, template)).Document.Length;
            times.Add(clock.Elapsed.TotalMilliseconds);
            alloc = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Median(times):F1} ms/doc, {alloc / 1048576.0:F1} MB alloc/doc, peak {process.PeakWorkingSet64 / 1048576.0:F0} MB process, {length / 1024.0:F0} KB docx"));
        return 0;
    }

    /// <summary>
    /// The service in a process of its own: "just started" then means a fresh runtime, not one
    /// that has already compiled the rendering code for the benchmarks before it.
    /// </summary>
    public void Service()
    {
        using var child = smoke ? StartChild("--child-service", "--smoke") : StartChild("--child-service");
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (line.Split('\t') is ["row", var name, var result, var target])
            {
                report.Add(name, result, target);
            }
            else
            {
                Console.WriteLine(line); // the service's own log lines (warnings and up)
            }
        }

        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the service benchmark failed (exit code {child.ExitCode})");
        }
    }

    public async Task ServiceAsync()
    {
        var files = smoke ? 50 : 1000;
        var folder = Directory.CreateTempSubdirectory("docgen-bench-");
        try
        {
            var root = Path.Combine(folder.FullName, "data");
            using var host = ServiceHost.CreateBuilder([$"--DocGen:Root={root}", $"--DocGen:Templates={Path.Combine(s_root, "templates")}", "--Logging:LogLevel:Default=Warning"]).Build();
            await host.StartAsync();
            var inbox = Path.Combine(root, "inbox");
            var outFolder = Path.Combine(root, "out");
            await WaitFor(() => Directory.Exists(inbox));

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
                    Drop(inbox, $"{phase[0]}{i:D5}.json");
                }

                done += files;
                await WaitFor(() => Directory.EnumerateFiles(outFolder).Count() >= done);
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
                Drop(inbox, name + ".json");
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
            report.Add("service: drop-to-output latency", $"p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms", "p50 ≤ 50 ms, p99 ≤ 250 ms");
            await host.StopAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Drop(string inbox, string name)
    {
        var temp = Path.Combine(inbox, "." + name + ".tmp");
        File.WriteAllBytes(temp, s_seedBytes);
        File.Move(temp, Path.Combine(inbox, name));
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("benchmark service did not finish");
            }

            // Coarse enough not to steal the service's CPU (2 cores) by listing out/ all the time.
            await Task.Delay(20);
        }
    }

    /// <summary>A project with <paramref name="size"/> indicators, built in code (past the submission limits, on purpose).</summary>
    private static Submission BigProject(int size)
    {
        var seed = s_generator.Validator.Check(s_seedBytes).Submission!;
        var project = seed.Projects![0];
        var source = project.Indicators!;
        var indicators = new List<Indicator>(size);
        for (var i = 0; i < size; i++)
        {
            indicators.Add(source[i % source.Count] with { Name = "指标" + i.ToString(CultureInfo.InvariantCulture) });
        }

        return seed with { Kind = SubmissionKind.ProjectGoalTable, OverallGoal = null, ItemizedGoals = null, Safeguards = null, Projects = [project with { Indicators = indicators }] };
    }

    private (double PerOpMs, double PerSecond, double AllocBytes) Measure(Action action)
    {
        for (var i = 0; i < 20; i++)
        {
            action();
        }

        var n = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _budget)
        {
            action();
            n++;
        }

        var elapsed = clock.Elapsed;
        var alloc = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        return (elapsed.TotalMilliseconds / n, n / elapsed.TotalSeconds, alloc);
    }

    private static List<double> Repeat(int times, Action action)
    {
        var result = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            result.Add(clock.Elapsed.TotalMilliseconds);
        }

        return result;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>This harness again, in a process of its own, with its output to read.</summary>
    private static Process StartChild(params string[] arguments)
    {
        // Started as `dotnet DocGen.Benchmarks.dll` or as the apphost.
        string[] entry = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(Harness).Assembly.Location] : [];
        return Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. entry, .. arguments]) { RedirectStandardOutput = true })!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DocGen.sln not found");
    }
}

internal sealed class Report(bool child = false)
{
    private readonly List<(string Name, string Result, string Target)> _rows = [];

    public void Add(string name, string result, string target)
    {
        _rows.Add((name, result, target));
        Console.WriteLine(child ? $"row\t{name}\t{result}\t{target}" : $"  {name}: {result}");
    }

    public void Print()
    {
        var sb = new StringBuilder("\n| benchmark | result | target |\n|---|---|---|\n");
        foreach (var (name, result, target) in _rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {name} | {result} | {target} |\n");
        }

        Console.WriteLine(sb);
    }
}
