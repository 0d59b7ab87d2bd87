using System.Xml.Linq;
using static DocGen.Rendering.Compilation.Wml;
using DocGen.Core.Rules;
using DocGen.Rendering.Engine;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Moves the tags of each block to the boundaries it controls: a block that spans a whole
/// paragraph wraps the paragraph; a pair in different paragraphs of one container wraps that
/// range; a pair in different cells of a row (or rows of one table) wraps the row (or rows); a
/// block inside one paragraph stays inline. A placement that cannot work is a T3 problem.
/// </summary>
internal sealed class BlockRelocator(TemplateLocator locator, MarkerWriter markers, List<TemplateProblem> problems)
{
    private readonly HashSet<XElement> _emptied = [];

    public void Relocate(Block block, Func<XElement, IReadOnlyList<Tag>> tagsOf)
    {
        var (open, close) = (block.Open!, block.Close!);
        if (open.Paragraph == close.Paragraph)
        {
            RelocateInParagraph(block, tagsOf(open.Paragraph));
            return;
        }

        if (open.Paragraph.Parent == close.Paragraph.Parent)
        {
            RelocateParagraphRange(block, tagsOf);
            return;
        }

        var openRow = open.Paragraph.Ancestors(Tr).FirstOrDefault();
        var closeRow = close.Paragraph.Ancestors(Tr).FirstOrDefault();
        if (openRow is not null && closeRow is not null && openRow.Parent == closeRow.Parent
            && (openRow == closeRow || openRow.ElementsAfterSelf(Tr).Contains(closeRow)))
        {
            if (block.Elses.Count > 0)
            {
                problems.Add(new(RuleCodes.T3, locator.Locate(block.Elses[0]), "重复表格行的块中不支持 {{else}}。", "{{else}} is not supported in a block that repeats table rows."));
                return;
            }

            Wrap(open, close, openRow, closeRow);
            if (block.Name == "each")
            {
                KeepLastRowsTogether(open, openRow, closeRow);
            }

            return;
        }

        problems.Add(new(RuleCodes.T3, locator.Locate(open),
            $"“{open.Text}”与“{close.Text}”（{locator.Locate(close).Describe()}）不在同一段落范围或同一表格中：循环/条件的开始和结束必须在同一容器的段落边界，或同一表格的行边界。",
            $"'{open.Text}' and '{close.Text}' are not in the same paragraph range or table: a block must start and end at paragraph boundaries of one container, or in rows of one table."));
    }

    /// <summary>
    /// Paragraphs that only held block tags disappear (a cell keeps its last one). A page break in
    /// one — Word's "page break before" as LibreOffice and WPS save it, a break run — is not lost
    /// with it: it moves to the next paragraph as "page break before", or the paragraph stays.
    /// </summary>
    public void RemoveEmptiedParagraphs()
    {
        foreach (var p in _emptied.Where(static p => p.Parent is not null).OrderBy(static p => p, XNode.DocumentOrderComparer))
        {
            if (p.Parent is null || TextOf(p).Length > 0 || p.Descendants().Any(static e => NonTextContent.Contains(e.Name)))
            {
                continue;
            }

            if (p.Parent.Name == Tc && p.Parent.Elements(P).Count() == 1)
            {
                continue;
            }

            if (HasPageBreak(p))
            {
                if (p.ElementsAfterSelf().FirstOrDefault() is not { } next || next.Name != P)
                {
                    continue; // a table or nothing follows: the paragraph keeps the break where it is
                }

                var pPr = GetOrAddFirst(next, PPr);
                if (pPr.Element(PageBreakBefore) is null)
                {
                    var anchor = pPr.Element(KeepLines) ?? pPr.Element(KeepNext) ?? pPr.Element(PStyle);
                    if (pPr.Nodes().OfType<XText>().LastOrDefault() is { } keepHelper && (anchor is null || keepHelper.IsAfter(anchor)))
                    {
                        keepHelper.AddAfterSelf(new XElement(PageBreakBefore)); // after the keep-with-next a loop's row writes there: schema order
                    }
                    else
                    {
                        AddAfterOrFirst(pPr, anchor, new XElement(PageBreakBefore)); // schema order
                    }
                }
            }

            p.Remove();
        }
    }

    /// <summary>A page break in the paragraph: a break run of type page, or "page break before" in its properties.</summary>
    private static bool HasPageBreak(XElement paragraph)
        => paragraph.Descendants(Br).Any(static b => (string?)b.Attribute(TypeAttribute) == "page")
            || paragraph.Element(PPr)?.Element(PageBreakBefore) is { } before && (string?)before.Attribute(Val) is null or "1" or "true" or "on";

    private void RelocateInParagraph(Block block, IReadOnlyList<Tag> inParagraph)
    {
        var (open, close) = (block.Open!, block.Close!);
        var text = TextOf(open.Paragraph).Trim();
        var wholeParagraph = block.Elses.Count == 0
            && inParagraph[0] == open && inParagraph[^1] == close
            && text.StartsWith(open.Text, StringComparison.Ordinal)
            && text.EndsWith(close.Text, StringComparison.Ordinal);
        if (wholeParagraph)
        {
            Wrap(open, close, open.Paragraph, open.Paragraph);
            return;
        }

        // An inline block: Handlebars runs it inside the text. Its tags must sit at the same
        // depth, or skipping what lies between would cut a hyperlink, field or content control.
        var container = open.TextNode.Parent?.Parent;
        if (block.Elses.Append(close).Any(t => t.TextNode.Parent?.Parent != container))
        {
            problems.Add(new(RuleCodes.T3, locator.Locate(open),
                $"“{open.Text}”与“{close.Text}”分别在超链接、域或内容控件的内外，不能这样截断；请把整个超链接放进块内，或把块放进超链接内。",
                $"'{open.Text}' and '{close.Text}' sit on different sides of a hyperlink, field or content control; put the whole of it inside the block, or the block inside it."));
        }
    }

    private void RelocateParagraphRange(Block block, Func<XElement, IReadOnlyList<Tag>> tagsOf)
    {
        var (open, close) = (block.Open!, block.Close!);
        if (tagsOf(open.Paragraph)[0] != open || tagsOf(close.Paragraph)[^1] != close
            || !TextOf(open.Paragraph).TrimStart().StartsWith(open.Text, StringComparison.Ordinal)
            || !TextOf(close.Paragraph).TrimEnd().EndsWith(close.Text, StringComparison.Ordinal))
        {
            problems.Add(new(RuleCodes.T3, locator.Locate(open),
                $"“{open.Text}”与“{close.Text}”跨越多个段落，必须位于段落开头和段落末尾（或各占一段）。",
                $"'{open.Text}' … '{close.Text}' span paragraphs: the start must begin a paragraph and the end must end one (or each stand alone)."));
            return;
        }

        foreach (var e in block.Elses)
        {
            if (e.Paragraph.Parent != open.Paragraph.Parent || TextOf(e.Paragraph).Trim() != e.Text)
            {
                problems.Add(new(RuleCodes.T3, locator.Locate(e), $"跨段落的块中，“{e.Text}”必须单独成段。", $"In a block spanning paragraphs, '{e.Text}' must stand alone in its paragraph."));
                return;
            }

            e.Paragraph.ReplaceWith(new XText(e.Text));
        }

        Wrap(open, close, open.Paragraph, close.Paragraph);
    }

    /// <summary>
    /// Rows repeated by <c>{{#each list}}</c> over a named list (a field path, not a computed
    /// value): the item before the last keeps with the next ("keep with next" on the paragraphs
    /// directly in its cells, which Word and LibreOffice honour across rows), so a table that
    /// overflows its page carries at least the last two items onto the next one, never one under
    /// the repeated header. Rows after the loop (a totals row) are not part of it. A paragraph the
    /// admin already keeps with the next (or not: any <c>w:keepNext</c>) is left as it is.
    /// </summary>
    private static void KeepLastRowsTogether(Tag open, XElement firstRow, XElement lastRow)
    {
        var list = open.Arguments.Trim();
        var path = list.StartsWith("@root.", StringComparison.Ordinal) ? list
            : list.Length > 0 && list.All(static c => char.IsLetterOrDigit(c) || c is '.' or '_') ? "../" + list
            : null;
        if (path is null)
        {
            return; // a computed list: no way to count it from inside the loop
        }

        var call = InternalHelpers.Call(InternalHelpers.KeepWithLast, path, "@index");
        var rows = new List<XElement> { firstRow };
        while (rows[^1] != lastRow && rows[^1].ElementsAfterSelf(Tr).FirstOrDefault() is { } next)
        {
            rows.Add(next);
        }

        foreach (var row in rows)
        {
            foreach (var paragraph in row.Elements(Tc).Elements(P))
            {
                var pPr = GetOrAddFirst(paragraph, PPr);
                if (pPr.Element(KeepNext) is null && !pPr.Nodes().OfType<XText>().Any(static t => t.Value.Contains(InternalHelpers.KeepWithLast, StringComparison.Ordinal)))
                {
                    AddAfterOrFirst(pPr, pPr.Element(PStyle), new XText(call)); // schema order: keepNext follows pStyle
                }
            }
        }
    }

    /// <summary>Moves the block's tags out of the text, around <paramref name="first"/>…<paramref name="last"/>.</summary>
    private void Wrap(Tag open, Tag close, XElement first, XElement last)
    {
        open.RemoveFromText();
        close.RemoveFromText();
        _emptied.Add(open.Paragraph); // candidates: removed later if nothing is left in them
        _emptied.Add(close.Paragraph);
        markers.InsertBefore(first, open.Text);
        markers.InsertAfter(last, close.Text);
    }
}
