namespace DocGen.Core.Json;

/// <summary>
/// The JSON path of the value being read, built as a string only when a report needs it; each
/// level keeps the string once built, so the paths of siblings share their parent's.
/// </summary>
internal sealed class PathStack
{
    private readonly List<(string? Name, int Index, string? Path)> _segments = [];

    public void Push(string name) => _segments.Add((name, -1, null));

    public void Push(int index) => _segments.Add((null, index, null));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public override string ToString() => PathOf(_segments.Count - 1);

    /// <summary>The path of a child of the current value.</summary>
    public string Child(string name) => JsonPath.Property(ToString(), name);

    private string PathOf(int level)
    {
        if (level < 0)
        {
            return JsonPath.Root;
        }

        var (name, index, path) = _segments[level];
        if (path is null)
        {
            var parent = PathOf(level - 1);
            path = name is null ? JsonPath.Index(parent, index) : JsonPath.Property(parent, name);
            _segments[level] = (name, index, path);
        }

        return path;
    }
}
