using System.Globalization;
using System.Text.RegularExpressions;

namespace DocGen.Rendering.Compilation;

/// <summary>Gives the bookmarks of all parts of one template their ordinals and remembers their names.</summary>
internal sealed partial class BookmarkCollector
{
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    /// <summary>The first <c>_Toc</c> number of the template: output headings are numbered from it.</summary>
    public long FirstToc => _names.Select(static n => TocNumber().Match(n)).Where(static m => m.Success)
        .Select(static m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(10000001).Min();

    public int Add(string name)
    {
        _names.Add(name);
        return _names.Count - 1;
    }

    [GeneratedRegex(@"^_Toc([0-9]{1,12})$")]
    private static partial Regex TocNumber();
}
