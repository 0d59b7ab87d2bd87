using DocGen.Core.Model;

namespace DocGen.Core.Json;

/// <summary>
/// Orders JSON paths as a reader meets them in a submission: members in the model's order,
/// list items by index (<c>$.projects[0].budget</c> before <c>$.projects[0].indicators[1]</c> before
/// <c>$.projects[1]</c>). An unknown member sorts after the known ones of its object.
/// </summary>
public static class DocumentOrder
{
    /// <summary>Compares the keys made by <see cref="KeyOf"/>: sort by key, computed once per path.</summary>
    public static IComparer<int[]> Keys { get; } = Comparer<int[]>.Create(CompareKeys);

    /// <summary>Deeper paths are ordered by their first steps (the model is 5 levels deep; a path's depth is bounded by the reader's limit).</summary>
    private const int MaxSteps = 64;

    public static int Compare(string a, string b)
        => string.Equals(a, b, StringComparison.Ordinal) ? 0 : CompareKeys(KeyOf(a), KeyOf(b));

    /// <summary>
    /// The path's place in the document, one number per step (member order or item index). Sorting
    /// by keys made once per path keeps a report of 10,000 issues linear in its paths (a comparer
    /// that parsed both paths on each comparison made n log n of them).
    /// </summary>
    public static int[] KeyOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<int> steps = stackalloc int[MaxSteps];
        var count = 0;
        var shape = Shape.Of(typeof(Submission));
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '[' && i + 1 < path.Length && char.IsAsciiDigit(path[i + 1]))
            {
                var end = path.IndexOf(']', i);
                if (count == MaxSteps)
                {
                    break;
                }

                steps[count++] = int.TryParse(path.AsSpan(i + 1, (end < 0 ? path.Length : end) - i - 1), out var n) ? n : int.MaxValue;
                shape = shape.ElementType is { } element ? Shape.Of(element) : shape;
                i = end < 0 ? path.Length : end + 1;
                continue;
            }

            var start = path[i] == '.' ? i + 1 : i;
            var stop = path.AsSpan(start).IndexOfAny('.', '[');
            stop = stop < 0 ? path.Length : start + stop;
            var order = int.MaxValue;
            if (shape.Kind == ShapeKind.Object && shape.TryGetMember(path.AsSpan(start, stop - start), out var member))
            {
                order = member.Order;
                shape = member.Shape;
            }

            if (count == MaxSteps)
            {
                break;
            }

            steps[count++] = order;
            if (order == int.MaxValue)
            {
                break;
            }

            i = stop;
        }

        return steps[..count].ToArray();
    }

    private static int CompareKeys(int[]? x, int[]? y)
    {
        x ??= [];
        y ??= [];
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
