using System.Xml.Linq;
using DocGen.Rendering.Engine;
using static DocGen.Rendering.Compilation.Wml;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Gives every bookmark of a part an id and a name chosen at render time, so that repeated parts
/// of the document (a project's heading per project) still have unique bookmarks.
/// </summary>
internal static class BookmarkRewriter
{
    public static void Rewrite(XElement root, BookmarkCollector bookmarks)
    {
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in root.Descendants(BookmarkStart).ToList())
        {
            var id = (string?)start.Attribute(Id) ?? "";
            var k = bookmarks.Add((string?)start.Attribute(Name) ?? "_Bookmark");
            byId[id] = k;
            start.SetAttributeValue(Id, InternalHelpers.Call(InternalHelpers.BookmarkStart, k));
            start.SetAttributeValue(Name, InternalHelpers.Call(InternalHelpers.BookmarkName, k, "this"));
        }

        foreach (var end in root.Descendants(BookmarkEnd).ToList())
        {
            if (byId.TryGetValue((string?)end.Attribute(Id) ?? "", out var k))
            {
                end.SetAttributeValue(Id, InternalHelpers.Call(InternalHelpers.BookmarkEnd, k));
            }
            else
            {
                end.Remove();
            }
        }
    }
}
