using System.Globalization;
using System.Xml.Linq;
using DocGen.Rendering.Engine;
using static DocGen.Rendering.Compilation.Wml;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// What tables need beyond moving blocks: repeated cells (<c>{{#cells}}</c>) that share the
/// template cell's grid columns, merged columns (<c>{{merge x}}</c>) written as vertical merges,
/// and a paragraph kept in every cell whose paragraphs may all be left out.
/// </summary>
internal sealed class TableRewriter(TemplateLocator locator, MarkerWriter markers, List<TemplateProblem> problems)
{
    private int _mergeCells;

    public void RelocateCells(Block block)
    {
        var (open, close) = (block.Open!, block.Close!);
        var cell = open.Paragraph.Ancestors(Tc).FirstOrDefault();
        if (cell is null || close.Paragraph.Ancestors(Tc).FirstOrDefault() != cell || block.Elses.Count > 0)
        {
            problems.Add(new(RuleCodes.T3, locator.Locate(open), "{{#cells}} 与 {{/cells}} 必须在同一个表格单元格内（不带 {{else}}）。", "{{#cells}} and {{/cells}} must sit in one table cell (without {{else}})."));
            return;
        }

        open.RemoveFromText();
        close.RemoveFromText();
        var tcPr = GetOrAddFirst(cell, TcPr);
        var gridSpan = tcPr.Element(GridSpan);
        var span = Int(gridSpan, 1);
        var tcW = tcPr.Element(TcW);
        var width = (string?)tcW?.Attribute(WidthType) is null or "dxa" ? Int(tcW, 0, Wd) : 0;
        if (gridSpan is null)
        {
            gridSpan = new XElement(GridSpan);
            AddAfterOrFirst(tcPr, tcW ?? tcPr.Element(CnfStyle), gridSpan);
        }

        gridSpan.SetAttributeValue(Val, InternalHelpers.Call(InternalHelpers.CellSpan));
        if (tcW is not null && width > 0)
        {
            tcW.SetAttributeValue(Wd, InternalHelpers.Call(InternalHelpers.CellWidth));
        }

        // Equal widths: where the table's grid is known and the list is the same for every row, the
        // grid gets a line at each copy's share when the document is rendered (see RewriteGrids).
        var table = cell.Ancestors(Tbl).First();
        var lines = GridLines(table);
        var column = FirstColumn(cell);
        if (lines is not null && column + span < lines.Count && !RepeatsRows(block, table))
        {
            var (from, to) = (lines[column], lines[column + span]);
            (_grids.TryGetValue(table, out var shared) ? shared : _grids[table] = []).Add((open.Arguments, from, to));
            _cellsCells.Add(cell);
            _cellsSpans[cell] = span;
            markers.InsertBefore(cell, InternalHelpers.OpenBlock(InternalHelpers.Cells, open.Arguments, span, width, from, to));
        }
        else
        {
            markers.InsertBefore(cell, InternalHelpers.OpenBlock(InternalHelpers.Cells, open.Arguments, span, width));
        }

        markers.InsertAfter(cell, InternalHelpers.CloseBlock(InternalHelpers.Cells));
    }

    /// <summary>
    /// The tables whose repeated cells share their columns by width: the grid is written when the
    /// document is rendered (the template's lines, and one at each copy's share), and every cell of
    /// the table spans the rendered grid's columns between its own two lines.
    /// </summary>
    public void RewriteGrids()
    {
        foreach (var (table, blocks) in _grids)
        {
            var lines = GridLines(table)!;
            foreach (var row in table.Elements(Tr))
            {
                var column = 0;
                foreach (var cell in row.Elements(Tc))
                {
                    var tcPr = GetOrAddFirst(cell, TcPr);
                    var gridSpan = tcPr.Element(GridSpan);
                    var span = _cellsCells.Contains(cell) ? SpanOfCellsCell(cell) : Int(gridSpan, 1);
                    if (!_cellsCells.Contains(cell))
                    {
                        if (gridSpan is null)
                        {
                            gridSpan = new XElement(GridSpan);
                            AddAfterOrFirst(tcPr, tcPr.Element(TcW) ?? tcPr.Element(CnfStyle), gridSpan);
                        }

                        gridSpan.SetAttributeValue(Val, InternalHelpers.Call(InternalHelpers.GridSpanBetween, lines[column], lines[Math.Min(column + span, lines.Count - 1)]));
                    }

                    column += span;
                }
            }

            List<object> arguments = ["\"" + string.Join(',', lines) + "\""];
            foreach (var (list, from, to) in blocks)
            {
                arguments.AddRange([list, from, to]);
            }

            table.Element(TblGrid)!.ReplaceNodes(new XText(InternalHelpers.Call(InternalHelpers.Grid, [.. arguments])));
        }
    }

    private readonly Dictionary<XElement, List<(string List, int From, int To)>> _grids = [];
    private readonly HashSet<XElement> _cellsCells = [];
    private readonly Dictionary<XElement, int> _cellsSpans = [];

    private int SpanOfCellsCell(XElement cell) => _cellsSpans.TryGetValue(cell, out var span) ? span : 1;

    /// <summary>The positions of a table's grid lines (0, then each column's right edge), or null when its grid does not give every width, or rows start or end off the grid.</summary>
    private static List<int>? GridLines(XElement table)
    {
        var widths = table.Element(TblGrid)?.Elements(GridCol).Select(static c => Int(c, -1, Wd)).ToList();
        if (widths is not { Count: > 0 } || widths.Any(static w => w <= 0)
            || table.Elements(Tr).Any(static r => r.Element(TrPr)?.Element(GridBefore) is not null || r.Element(TrPr)?.Element(W + "gridAfter") is not null))
        {
            return null;
        }

        var lines = new List<int> { 0 };
        foreach (var w in widths)
        {
            lines.Add(lines[^1] + w);
        }

        return lines;
    }

    /// <summary>The grid column a cell starts in.</summary>
    private static int FirstColumn(XElement cell) => cell.ElementsBeforeSelf(Tc).Sum(static c => Int(c.Element(TcPr)?.Element(GridSpan), 1));

    /// <summary>Whether the cells block sits in rows another block repeats: each row could then have a different number of copies.</summary>
    private static bool RepeatsRows(Block block, XElement table)
    {
        for (var outer = block.Parent; outer is { IsRoot: false }; outer = outer.Parent)
        {
            if (outer.Open!.Paragraph.Ancestors(Tbl).FirstOrDefault() == table || outer.Close?.Paragraph.Ancestors(Tbl).FirstOrDefault() == table)
            {
                return true;
            }
        }

        return false;
    }

    private static int Int(XElement? element, int fallback, XName? attribute = null)
        => int.TryParse((string?)element?.Attribute(attribute ?? Val), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>
    /// <c>{{merge x}}</c> in a table cell: consecutive rows with the same value become one
    /// vertically merged cell. The run restarts in every new table (a new project's table).
    /// </summary>
    public void RewriteMergeColumns(IEnumerable<Tag> tags)
    {
        var resetTables = new HashSet<XElement>();
        var mergedCells = new HashSet<XElement>();
        foreach (var tag in tags.Where(static t => t.Kind == TagKind.Expression && t.Name == "merge"))
        {
            var cell = tag.Paragraph.Ancestors(Tc).FirstOrDefault();
            if (cell is null)
            {
                continue; // outside a table the helper just prints its value
            }

            if (!mergedCells.Add(cell))
            {
                problems.Add(new(RuleCodes.T3, locator.Locate(tag), "一个单元格里只能有一个 {{merge}}（单元格只能按一个值合并）。", "A table cell can hold only one {{merge}} (a cell merges by one value)."));
                continue;
            }

            var id = _mergeCells++;
            var tcPr = GetOrAddFirst(cell, TcPr);
            tcPr.Elements(VMerge).Remove();
            var anchor = tcPr.Element(HMerge) ?? tcPr.Element(GridSpan) ?? tcPr.Element(TcW) ?? tcPr.Element(CnfStyle);
            AddAfterOrFirst(tcPr, anchor, new XText(InternalHelpers.Call(InternalHelpers.VerticalMerge, id, tag.Arguments)));

            tag.ReplaceInText(InternalHelpers.Call(InternalHelpers.MergeText, id));
            var table = cell.Ancestors(Tbl).First();
            if (resetTables.Add(table))
            {
                table.AddBeforeSelf(new XText(InternalHelpers.Call(InternalHelpers.MergeReset)));
            }
        }
    }

    /// <summary>A cell whose paragraphs are all conditional or repeated still gets one paragraph.</summary>
    public void GuardCells()
    {
        foreach (var cell in markers.Containers.Where(static p => p.Name == Tc).ToList())
        {
            AddAfterOrFirst(cell, cell.Element(TcPr), new XText(InternalHelpers.OpenBlock(InternalHelpers.CellBody)));
            cell.Add(new XText(InternalHelpers.CloseBlock(InternalHelpers.CellBody)));
        }
    }
}
