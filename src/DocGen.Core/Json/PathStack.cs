using System.Text;

namespace DocGen.Core.Json;

/// <summary>The JSON path of the value being read, built as a string only when a report needs it.</summary>
internal sealed class PathStack
{
    private readonly List<(string? Name, int Index)> _segments = [];

    public void Push(string name) => _segments.Add((name, -1));

    public void Push(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public override string ToString()
    {
        var path = JsonPath.Root;
        foreach (var (name, index) in _segments)
        {
            path = name is null ? JsonPath.Index(path, index) : JsonPath.Property(path, name);
        }

        return path;
    }

    /// <summary>The path of a child of the current value.</summary>
    public string Child(string name) => JsonPath.Property(ToString(), name);
}
