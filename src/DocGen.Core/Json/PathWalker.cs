using System.Globalization;
using System.Text;

namespace DocGen.Core.Json;

/// <summary>
/// Walks a JSON path of DocGen's reports (<c>$.projects[0].indicators[2]['odd name']</c>) one step
/// at a time: a member's name (a slice of the path, unescaped only when quoted) or an item's index.
/// </summary>
internal ref struct PathWalker(string path)
{
    private int _next = path.StartsWith('$') ? 1 : 0;
    private int _start;
    private int _length;
    private string? _unescaped;

    /// <summary>The step's index, when it is an item of a list.</summary>
    public int? Index { get; private set; }

    /// <summary>The step's member name, when it is not an item.</summary>
    public readonly ReadOnlySpan<char> Name => _unescaped is not null ? _unescaped.AsSpan() : path.AsSpan(_start, _length);

    /// <summary>Whether the step after this one is an item's index.</summary>
    public readonly bool IndexFollows => _next + 1 < path.Length && path[_next] == '[' && path[_next + 1] != '\'';

    /// <summary>Moves to the next step; false at the end (or where the path cannot be read further).</summary>
    public bool Next()
    {
        Index = null;
        _unescaped = null;
        var i = _next;
        if (i >= path.Length)
        {
            return false;
        }

        if (path[i] == '.')
        {
            var end = path.AsSpan(i + 1).IndexOfAny('.', '[');
            (_start, _length) = (i + 1, end < 0 ? path.Length - i - 1 : end);
            _next = _start + _length;
            return true;
        }

        if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
        {
            var name = new StringBuilder();
            var j = i + 2;
            for (; j < path.Length && path[j] != '\''; j++)
            {
                name.Append(path[j] == '\\' && j + 1 < path.Length ? path[++j] : path[j]);
            }

            _unescaped = name.ToString();
            _next = j + 2;
            return true;
        }

        if (path[i] == '[')
        {
            var end = path.IndexOf(']', i);
            end = end < 0 ? path.Length : end;
            Index = int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
            _next = end + 1;
            return true;
        }

        return false;
    }
}
