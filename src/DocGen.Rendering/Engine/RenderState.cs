using System.Globalization;
using System.Text;

namespace DocGen.Rendering.Engine;

/// <summary>
/// Bookkeeping of one render, created for it and reached by the engine's internal helpers
/// through the data variable <see cref="InternalHelpers.State"/>:
/// bookmark ids and names (unique in the document, stable for the same input), vertical-merge
/// runs, and the span of repeated cells.
/// </summary>
internal sealed class RenderState
{
    /// <summary>Word refuses bookmark names longer than this.</summary>
    public const int MaxBookmarkName = 40;

    private readonly Dictionary<int, int> _bookmarkIds = [];
    private readonly HashSet<string> _bookmarkNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, (string Value, bool Continues)> _merges = [];
    private readonly BookmarkTable _bookmarks;
    private int _nextBookmarkId;
    private long _nextToc;

    internal RenderState(BookmarkTable bookmarks)
    {
        _bookmarks = bookmarks;
        _nextToc = bookmarks.FirstToc;
    }

    internal int CellSpan { get; set; } = 1;

    internal int CellWidth { get; set; }

    /// <summary>The grid lines (twips) of the table being written, when its repeated cells share their columns by width.</summary>
    internal List<int> GridLines { get; set; } = [];

    /// <summary>How many of the current grid's columns lie between two of its lines.</summary>
    internal int ColumnsBetween(int from, int to) => Math.Max(1, GridLines.BinarySearch(to) - GridLines.BinarySearch(from));

    /// <summary>A new id for the next occurrence of template bookmark <paramref name="templateId"/>.</summary>
    internal int StartBookmark(int templateId)
    {
        var id = _nextBookmarkId++;
        _bookmarkIds[templateId] = id;
        return id;
    }

    /// <summary>The id given to the latest start of template bookmark <paramref name="templateId"/>.</summary>
    internal int EndBookmark(int templateId)
        => _bookmarkIds.TryGetValue(templateId, out var id) ? id : StartBookmark(templateId);

    /// <summary>
    /// The name of this occurrence: <c>_Toc</c> bookmarks are numbered in document order from the
    /// template's first; others take the loop item's key (a project's code) and a counter if needed.
    /// </summary>
    internal string BookmarkName(int templateId, object? context)
    {
        var name = _bookmarks.NameOf(templateId);
        string candidate;
        if (name.StartsWith("_Toc", StringComparison.Ordinal))
        {
            candidate = "_Toc" + (_nextToc++).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            candidate = context is IBookmarkKey key ? Sanitize(name + "_" + key.BookmarkKey) : name;
        }

        var unique = candidate;
        for (var n = 2; !_bookmarkNames.Add(unique); n++)
        {
            var suffix = "_" + n.ToString(CultureInfo.InvariantCulture);
            unique = candidate[..Math.Min(candidate.Length, MaxBookmarkName - suffix.Length)] + suffix;
        }

        return unique;
    }

    /// <summary>Whether this merge-column cell starts a new run (its value differs from the cell above).</summary>
    internal bool MergeCell(int cellId, string value)
    {
        var continues = _merges.TryGetValue(cellId, out var last) && last.Value == value;
        _merges[cellId] = (value, continues);
        return !continues;
    }

    /// <summary>A new table starts: no merge run continues into it.</summary>
    internal void ResetMerges() => _merges.Clear();

    internal string? MergeText(int cellId)
        => _merges.TryGetValue(cellId, out var m) && !m.Continues ? m.Value : null;

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return sb.Length <= MaxBookmarkName ? sb.ToString() : sb.ToString(0, MaxBookmarkName);
    }
}
