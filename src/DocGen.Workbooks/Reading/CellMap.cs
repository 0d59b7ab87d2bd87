using DocGen.Core.Validation;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// Where each JSON path of a converted workbook came from: every field a clerk can fill has its
/// cell, filled or not (a missing value is reported where it should have been typed); lists and
/// objects have their row or sheet. A path not in the map takes the place of the nearest one
/// that holds it.
/// </summary>
internal sealed class CellMap
{
    private readonly Dictionary<string, SourcePlace> _places = new(StringComparer.Ordinal);

    public void Add(string path, SourcePlace place) => _places.TryAdd(path, place);

    public SourcePlace? Locate(string path)
    {
        for (var end = path.Length; end > 1; end = path.LastIndexOfAny(['.', '['], end - 1))
        {
            if (_places.TryGetValue(path[..end], out var place))
            {
                return place;
            }
        }

        return null;
    }
}
