using System.Globalization;
using System.Text;

namespace DocGen.Benchmarks;

/// <summary>The figures of a run: printed as they come, then as a table (a child process passes its rows to its parent).</summary>
internal sealed class Report(bool child = false)
{
    private readonly List<(string Name, string Result, string Target)> _rows = [];

    /// <summary>Marks a target that was not met, in the table and in the summary under it: a miss is said, never silent.</summary>
    public const string Missed = "**MISSED** ";

    /// <summary>A row with a target it is measured against: a miss is marked.</summary>
    public void Add(string name, string result, string target, bool met) => Add(name, result, met ? target : Missed + target);

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

        var missed = _rows.Where(static r => r.Target.StartsWith(Missed, StringComparison.Ordinal)).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"\n{missed.Count} target(s) missed{(missed.Count == 0 ? "." : ": " + string.Join("; ", missed.Select(static r => r.Name)))}\n");
        Console.WriteLine(sb);
    }
}
