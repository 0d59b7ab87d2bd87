namespace DocGen.Rendering.Engine;

/// <summary>The bookmarks of a compiled template, by the ordinal the compiler gave them.</summary>
internal sealed class BookmarkTable(IReadOnlyList<string> names, long firstToc)
{
    public long FirstToc { get; } = firstToc;

    public string NameOf(int templateId) => templateId < names.Count ? names[templateId] : "_Bookmark";
}
