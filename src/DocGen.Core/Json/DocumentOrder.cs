using DocGen.Core.Model;

namespace DocGen.Core.Json;

/// <summary>
/// Orders JSON paths as a reader meets them in a submission: members in the model's order,
/// list items by index (<c>$.projects[0].budget</c> before <c>$.projects[0].indicators[1]</c> before
/// <c>$.projects[1]</c>). An unknown member sorts after the known ones of its object.
/// </summary>
public static class DocumentOrder
{
    public static int Compare(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        var (x, y) = (Key(a), Key(b));
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    private static List<int> Key(string path)
    {
        var key = new List<int>();
        var shape = Shape.Of(typeof(Submission));
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '[' && i + 1 < path.Length && char.IsAsciiDigit(path[i + 1]))
            {
                var end = path.IndexOf(']', i);
                key.Add(int.TryParse(path.AsSpan(i + 1, (end < 0 ? path.Length : end) - i - 1), out var n) ? n : int.MaxValue);
                shape = shape.ElementType is { } element ? Shape.Of(element) : shape;
                i = end < 0 ? path.Length : end + 1;
                continue;
            }

            var start = path[i] == '.' ? i + 1 : i;
            var stop = path.IndexOfAny(['.', '['], start);
            stop = stop < 0 ? path.Length : stop;
            var name = path[start..stop];
            var order = int.MaxValue;
            if (shape.Kind == ShapeKind.Object && shape.Members.TryGetValue(name, out var member))
            {
                order = shape.Info.Properties.IndexOf(member.Property);
                shape = member.Shape;
            }

            key.Add(order);
            if (order == int.MaxValue)
            {
                break;
            }

            i = stop;
        }

        return key;
    }
}
