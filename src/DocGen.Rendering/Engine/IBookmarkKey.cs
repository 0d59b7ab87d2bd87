namespace DocGen.Rendering.Engine;

/// <summary>A loop item that names the bookmarks inside its part of the document (a project: its code).</summary>
public interface IBookmarkKey
{
    string BookmarkKey { get; }
}
