using System.Diagnostics;

namespace DocGen.Benchmarks;

/// <summary>What the benchmarks share: the repository's files, dropping into an inbox, waiting, statistics, child processes.</summary>
internal static class Bench
{
    public static string Root { get; } = FindRoot();

    public static byte[] TemplateBytes { get; } = File.ReadAllBytes(Path.Combine(Root, "templates", "performance-goals.docx"));

    public static byte[] SeedBytes { get; } = File.ReadAllBytes(Path.Combine(Root, "fixtures", "S001-seed.json"));

    /// <summary>Drops the seed (or <paramref name="content"/>) under <paramref name="name"/> the recommended way: written to a temporary name, then renamed.</summary>
    public static void Drop(string inbox, string name, byte[]? content = null)
    {
        var temp = Path.Combine(inbox, "." + name + ".tmp");
        File.WriteAllBytes(temp, content ?? SeedBytes);
        File.Move(temp, Path.Combine(inbox, name));
    }

    /// <summary>The seed with its projects repeated to <paramref name="projects"/> (each its own sequence number and code): a big, valid submission.</summary>
    public static byte[] ManyProjects(int projects)
    {
        var seed = System.Text.Json.Nodes.JsonNode.Parse(SeedBytes)!.AsObject();
        var originals = seed["projects"]!.AsArray();
        var many = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < projects; i++)
        {
            var project = originals[i % originals.Count]!.DeepClone().AsObject();
            project["seq"] = i + 1;
            project["projectCode"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"13030321BENCH{i:D8}");
            many.Add(project);
        }

        seed["projects"] = many;
        return System.Text.Encoding.UTF8.GetBytes(seed.ToJsonString());
    }

    public static async Task WaitFor(Func<bool> condition, int pollMilliseconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("benchmark service did not finish");
            }

            // Coarse enough not to steal the service's CPU (2 cores) by listing out/ all the time.
            await Task.Delay(pollMilliseconds);
        }
    }

    public static List<double> Repeat(int times, Action action)
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

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>This harness again, in a process of its own, with its output to read.</summary>
    public static Process StartChild(params string[] arguments)
    {
        // Started as `dotnet DocGen.Benchmarks.dll` or as the apphost.
        string[] entry = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(Harness).Assembly.Location] : [];
        return Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. entry, .. arguments]) { RedirectStandardOutput = true })!;
    }

    /// <summary>Runs this harness again in a child process and adds the rows it reports; its other lines (the service's log) are printed.</summary>
    public static void RunChild(Report report, params string[] arguments)
    {
        using var child = StartChild(arguments);
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (line.Split('\t') is ["row", var name, var result, var target])
            {
                report.Add(name, result, target);
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the benchmark child {string.Join(' ', arguments)} failed (exit code {child.ExitCode})");
        }
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
