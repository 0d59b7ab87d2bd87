using System.Diagnostics;
using System.Globalization;
using DocGen.Tests.Shared;
using DocGen.Worker.IO;

namespace DocGen.Benchmarks;

/// <summary>
/// The hostile workbooks of issue #33, each read as the service reads a dropped workbook (the same
/// pipeline: read, convert, validate) in a process of its own, so that its peak memory is its own:
/// how long until it is refused, and the most memory it took (VmHWM). Targets: ≤ 10 s, ≤ 400 MB.
/// </summary>
internal static class HostileBenchmark
{
    private static readonly Dictionary<string, Func<byte[]>> s_shapes = new(StringComparer.Ordinal)
    {
        ["merged-long-text"] = static () => HostileWorkbooks.MergedLongText(),
        ["merged-long-text-4-columns"] = static () => HostileWorkbooks.MergedLongText(columns: 4),
        ["shared-string-references"] = static () => HostileWorkbooks.SharedStringReferences(),
        ["attribute-flood"] = static () => HostileWorkbooks.AttributeFlood(),
        ["namespace-flood"] = static () => HostileWorkbooks.NamespaceFlood(),
        ["checkpoint-columns"] = static () => HostileWorkbooks.CheckpointColumns(),
    };

    /// <summary>Each shape in a child process of its own; smoke: the first only.</summary>
    public static void Run(Report report, bool smoke)
    {
        foreach (var shape in smoke ? s_shapes.Keys.Take(1) : s_shapes.Keys)
        {
            Bench.RunChild(report, "--child-hostile", shape);
        }
    }

    /// <summary>In the child: one shape made, then read as the service reads it, timed; its row printed.</summary>
    public static int Child(Report report, string shape)
    {
        var bytes = s_shapes[shape]();
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var check = Harness.Pipeline.Check(shape + ".xlsx", SafeRead.Of(bytes));
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = PeakMegabytes();
        var codes = string.Join(" ", check.Report.Errors.Select(static e => e.Code).Distinct());
        var missed = seconds > 10 || peak > 400 ? " — MISSED" : "";
        report.Add($"hostile workbook: {shape} ({bytes.Length / 1024.0:F0} KB)",
            string.Create(CultureInfo.InvariantCulture, $"{(check.Valid is null ? codes : "read")} in {seconds:F2} s, peak {peak:F0} MB{missed}"),
            "≤ 10 s, ≤ 400 MB (#33)");
        return 0;
    }

    /// <summary>The process's most resident memory so far (Linux's VmHWM), in MB; the working set's peak elsewhere.</summary>
    private static double PeakMegabytes()
    {
        if (OperatingSystem.IsLinux())
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(static l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kb))
            {
                return kb / 1024.0;
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1048576.0;
    }
}
