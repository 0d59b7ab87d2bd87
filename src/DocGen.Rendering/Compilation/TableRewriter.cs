using System.Globalization;
using System.Xml.Linq;
using DocGen.Rendering.Engine;
using static DocGen.Rendering.Compilation.Wml;

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
            problems.Add(new("T3", locator.Locate(open), "{{#cells}} 与 {{/cells}} 必须在同一个表格单元格内（不带 {{else}}）。", "{{#cells}} and {{/cells}} must sit in one table cell (without {{else}})."));
            return;
        }

        open.RemoveFromText();
        close.RemoveFromText();
        var tcPr = GetOrAddFirst(cell, TcPr);
        var gridSpan = tcPr.Element(GridSpan);
        var span = int.TryParse((string?)gridSpan?.Attribute(Val), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var tcW = tcPr.Element(TcW);
        var width = (string?)tcW?.Attribute(WidthType) is null or "dxa" && int.TryParse((string?)tcW?.Attribute(Wd), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : 0;
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

        markers.InsertBefore(cell, InternalHelpers.OpenBlock(InternalHelpers.Cells, open.Arguments, span, width));
        markers.InsertAfter(cell, InternalHelpers.CloseBlock(InternalHelpers.Cells));
    }

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
                problems.Add(new("T3", locator.Locate(tag), "一个单元格里只能有一个 {{merge}}（单元格只能按一个值合并）。", "A table cell can hold only one {{merge}} (a cell merges by one value)."));
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
