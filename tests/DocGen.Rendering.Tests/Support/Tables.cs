using System.Xml.Linq;

namespace DocGen.Rendering.Tests.Support;

/// <summary>A rendered table as cells: text, grid span and vertical-merge state.</summary>
internal sealed record CellInfo(string Text, int Span, string? VMerge);

internal static class Tables
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static List<XElement> All(XDocument document) => [.. document.Root!.Element(W + "body")!.Elements(W + "tbl")];

    public static List<List<CellInfo>> Cells(XElement table)
        => [.. table.Elements(W + "tr").Select(static row => row.Elements(W + "tc").Select(static cell =>
        {
            var tcPr = cell.Element(W + "tcPr");
            var vMerge = tcPr?.Element(W + "vMerge");
            var span = (int?)tcPr?.Element(W + "gridSpan")?.Attribute(W + "val") ?? 1;
            var text = string.Join("\n", cell.Elements(W + "p").Select(static p => string.Concat(p.Descendants(W + "t").Select(static t => t.Value))));
            return new CellInfo(text, span, vMerge is null ? null : (string?)vMerge.Attribute(W + "val") ?? "continue");
        }).ToList())];

    /// <summary>Each row's cell widths (twips, from the table's grid and the cells' spans).</summary>
    public static List<List<int>> Widths(XElement table)
    {
        var grid = table.Element(W + "tblGrid")!.Elements(W + "gridCol").Select(static c => (int)c.Attribute(W + "w")!).ToList();
        return [.. table.Elements(W + "tr").Select(row =>
        {
            var column = 0;
            return row.Elements(W + "tc").Select(cell =>
            {
                var span = (int?)cell.Element(W + "tcPr")?.Element(W + "gridSpan")?.Attribute(W + "val") ?? 1;
                var width = grid.Skip(column).Take(span).Sum();
                column += span;
                return width;
            }).ToList();
        })];
    }

    /// <summary>Normalised structure of a document: each table's rows as “text|span|vmerge” cells.</summary>
    public static string Structure(XDocument document)
        => string.Join("\n---\n", All(document).Select(static t => string.Join("\n", Cells(t).Select(static r => string.Join(" ‖ ", r.Select(static c => $"{c.Text}|{c.Span}|{c.VMerge}"))))));
}
