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
        var walker = new PathWalker(path);
        while (count < MaxSteps && walker.Next())
        {
            if (walker.Index is { } index)
            {
                steps[count++] = index;
                shape = shape.ElementType is { } element ? Shape.Of(element) : shape;
                continue;
            }

            if (shape.Kind != ShapeKind.Object || !shape.TryGetMember(walker.Name, out var member))
            {
                steps[count++] = int.MaxValue; // an unknown member: after the known ones, nothing further is known
                break;
            }

            steps[count++] = member.Order;
            shape = member.Shape;
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
