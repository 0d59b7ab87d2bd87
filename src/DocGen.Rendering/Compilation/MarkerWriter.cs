using System.Xml.Linq;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Inserts Handlebars text between the elements of a part (the tags of blocks moved to their
/// boundaries), nesting each new marker outside the markers already standing at that boundary.
/// </summary>
internal sealed class MarkerWriter
{
    /// <summary>Each inserted marker, with the side of a block it stands for (true: opening).</summary>
    private readonly Dictionary<XText, bool> _inserted = [];

    /// <summary>The elements markers were inserted into (a table cell whose paragraphs all became conditional needs a guard).</summary>
    public IEnumerable<XElement> Containers => _inserted.Keys.Select(static t => t.Parent).OfType<XElement>().Distinct();

    /// <summary>Inserts an opening marker before <paramref name="element"/>, outside blocks that already start there.</summary>
    public void InsertBefore(XElement element, string text)
    {
        XNode cursor = element;
        while (cursor.PreviousNode is XText t && _inserted.TryGetValue(t, out var isOpen) && isOpen)
        {
            cursor = t;
        }

        var node = new XText(text);
        cursor.AddBeforeSelf(node);
        _inserted[node] = true;
    }

    /// <summary>Inserts a closing marker after <paramref name="element"/>, outside blocks that already end there.</summary>
    public void InsertAfter(XElement element, string text)
    {
        XNode cursor = element;
        while (cursor.NextNode is XText t && _inserted.TryGetValue(t, out var isOpen) && !isOpen)
        {
            cursor = t;
        }

        var node = new XText(text);
        cursor.AddAfterSelf(node);
        _inserted[node] = false;
    }
}
