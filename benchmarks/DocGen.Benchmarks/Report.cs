using System.Globalization;
using System.Text;

namespace DocGen.Benchmarks;

/// <summary>The figures of a run: printed as they come, then as a table (a child process passes its rows to its parent).</summary>
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
