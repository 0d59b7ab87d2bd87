using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using static DocGen.Rendering.Compilation.Wml;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Turns one XML part of a template (document, header, footer) into the text of a Handlebars
/// template whose output is that part's XML. Block tags typed in the document move to the
/// boundaries they control: a tag that spans a whole paragraph wraps the paragraph; a pair in
/// different paragraphs of one container wraps that range; a pair in different cells of a row (or
/// rows of a table) wraps the row (or rows). Bookmarks, merged columns and repeated cells are
/// rewritten to internal helpers that keep the output valid.
/// </summary>
internal sealed partial class PartCompiler(string partName, BookmarkCollector bookmarks, List<TemplateProblem> problems)
{
    private const string State = "@root.state";

    /// <summary>Handlebars text inserted between elements, with the side of a block it stands for.</summary>
    private readonly Dictionary<XText, bool> _inserted = [];
    private readonly HashSet<XElement> _emptied = [];
    private int _mergeCells;
    private List<Tag> _tags = [];
    private Dictionary<XElement, List<Tag>> _tagsByParagraph = [];

    /// <summary>
    /// When the assembled part does not compile, finds the tags Handlebars cannot parse, one by
    /// one, so the report says where they are.
    /// </summary>
    public void LocateSyntaxErrors(Func<string, Exception?> tryCompile)
    {
        var before = problems.Count;
        foreach (var tag in _tags)
        {
            var text = tag.Kind == TagKind.Open ? $"{tag.Text}{{{{/{tag.Name}}}}}" : tag.Kind == TagKind.Expression ? tag.Text : null;
            if (text is not null && tryCompile(text) is { } error)
            {
                problems.Add(new TemplateProblem("T4", Locate(tag), $"“{tag.Text}”语法错误：{error.Message}", $"'{tag.Text}' has a syntax error: {error.Message}"));
            }
        }

        if (problems.Count == before)
        {
            problems.Add(new TemplateProblem("T4", new TemplateLocation(partName, null, null, null, null, ""), "模板标签语法错误（未能定位到具体标签）。", "Template tag syntax error (no single tag could be blamed)."));
        }
    }

    public string Compile(XDocument document)
    {
        var root = document.Root!;
        if (root.Descendants().FirstOrDefault(static e => Revisions.Contains(e.Name)) is { } revision)
        {
            problems.Add(new TemplateProblem("T5", Locate(revision), "模板含有修订（修订模式下的改动）。请在 Word 中“审阅 → 接受所有修订”（或拒绝）后保存。",
                "The template has tracked changes; accept or reject all changes in Word (Review → Accept All) and save."));
            return "";
        }

        RunNormalizer.Clean(root);
        foreach (var paragraph in root.Descendants(P).ToList())
        {
            RunNormalizer.JoinTags(paragraph);
        }

        var tags = CollectTags(root);
        _tags = tags;
        _tagsByParagraph = tags.GroupBy(static t => t.Paragraph).ToDictionary(static g => g.Key, static g => g.ToList());
        var blocks = PairBlocks(tags);
        TemplateLinter.Check(tags, Locate, problems);
        foreach (var block in blocks)
        {
            Relocate(block);
        }

        RewriteMergeColumns(tags);
        RemoveEmptiedParagraphs();
        GuardCells();
        RewriteBookmarks(root);

        var declaration = document.Declaration?.ToString() ?? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
        return declaration + root.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces);
    }

    /// <summary>
    /// Every tag in document order, each in a text node of its own (a run may hold several
    /// <c>w:t</c>), so moving or rewriting one tag can never touch another with the same text.
    /// </summary>
    private static List<Tag> CollectTags(XElement root)
    {
        var tags = new List<Tag>();
        foreach (var t in root.Descendants(T).ToList())
        {
            var paragraph = OwningParagraph(t);
            var matches = RunNormalizer.Tags(t.Value);
            if (paragraph is null || matches.Count == 0)
            {
                continue;
            }

            var text = t.Value;
            var position = 0;
            foreach (Match m in matches)
            {
                if (m.Index > position)
                {
                    t.AddBeforeSelf(NewText(text[position..m.Index]));
                }

                var node = NewText(m.Value);
                t.AddBeforeSelf(node);
                var tag = new Tag(m.Value, node, paragraph, tags.Count);
                if (tag.Kind == TagKind.Comment)
                {
                    tag.RemoveFromText();
                }
                else
                {
                    tags.Add(tag);
                }

                position = m.Index + m.Length;
            }

            if (position < text.Length)
            {
                t.AddBeforeSelf(NewText(text[position..]));
            }

            t.Remove();
        }

        return tags;
    }

    private static XElement NewText(string text) => new(T, new XAttribute(XmlSpace, "preserve"), text);

    private List<Tag> TagsOf(XElement paragraph) => _tagsByParagraph.TryGetValue(paragraph, out var list) ? list : [];

    private sealed record Block(Tag Open, IReadOnlyList<Tag> Elses, Tag Close);

    /// <summary>Pairs open and close tags; blocks come innermost first (in the order they close).</summary>
    private List<Block> PairBlocks(List<Tag> tags)
    {
        var blocks = new List<Block>();
        var stack = new Stack<(Tag Open, List<Tag> Elses)>();
        foreach (var tag in tags)
        {
            switch (tag.Kind)
            {
                case TagKind.Open:
                    stack.Push((tag, []));
                    break;
                case TagKind.Else when stack.Count > 0:
                    stack.Peek().Elses.Add(tag);
                    break;
                case TagKind.Else:
                    problems.Add(new("T1", Locate(tag), $"“{tag.Text}”不在任何 {{{{#if}}}}/{{{{#each}}}} 块内。", $"'{tag.Text}' is outside any block."));
                    break;
                case TagKind.Close when stack.Count == 0:
                    problems.Add(new("T1", Locate(tag), $"“{tag.Text}”没有对应的开始标签 {{{{#{tag.Name}}}}}。", $"'{tag.Text}' has no matching {{{{#{tag.Name}}}}}."));
                    break;
                case TagKind.Close:
                    // A close that cannot belong to the innermost open block (it sits outside that
                    // block's table or container) but fits one further out: the inner ones were
                    // never closed. Reporting them, not a cascade of mismatches, says what to fix.
                    if (!Compatible(stack.Peek().Open, tag) && stack.Skip(1).FirstOrDefault(o => o.Open.Name == tag.Name && Compatible(o.Open, tag)).Open is { } outer)
                    {
                        while (stack.Peek().Open != outer)
                        {
                            problems.Add(NeverClosed(stack.Pop().Open));
                        }
                    }

                    var (open, elses) = stack.Pop();
                    if (open.Name != tag.Name)
                    {
                        problems.Add(new("T2", Locate(tag),
                            $"块交叉：“{open.Text}”（{Locate(open).Describe()}）应先以 {{{{/{open.Name}}}}} 结束，却遇到“{tag.Text}”。",
                            $"Crossed blocks: '{open.Text}' must close with {{{{/{open.Name}}}}} before '{tag.Text}'."));
                        break;
                    }

                    blocks.Add(new Block(open, elses, tag));
                    break;
            }
        }

        foreach (var (open, _) in stack)
        {
            problems.Add(NeverClosed(open));
        }

        return blocks;
    }

    private TemplateProblem NeverClosed(Tag open)
        => new("T1", Locate(open), $"“{open.Text}”没有结束标签 {{{{/{open.Name}}}}}。", $"'{open.Text}' is never closed with {{{{/{open.Name}}}}}.");

    /// <summary>Whether a block opened at <paramref name="open"/> could end at <paramref name="close"/>: same paragraph, container or table.</summary>
    private static bool Compatible(Tag open, Tag close)
    {
        if (open.Paragraph == close.Paragraph || open.Paragraph.Parent == close.Paragraph.Parent)
        {
            return true;
        }

        var openTable = open.Paragraph.Ancestors(Tbl).FirstOrDefault();
        return openTable is not null && openTable == close.Paragraph.Ancestors(Tbl).FirstOrDefault();
    }

    private void Relocate(Block block)
    {
        var (open, close) = (block.Open, block.Close);
        if (open.Name == "cells")
        {
            RelocateCells(block);
            return;
        }

        if (open.Paragraph == close.Paragraph)
        {
            var text = TextOf(open.Paragraph).Trim();
            var inParagraph = TagsOf(open.Paragraph);
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
                problems.Add(new("T3", Locate(open),
                    $"“{open.Text}”与“{close.Text}”分别在超链接、域或内容控件的内外，不能这样截断；请把整个超链接放进块内，或把块放进超链接内。",
                    $"'{open.Text}' and '{close.Text}' sit on different sides of a hyperlink, field or content control; put the whole of it inside the block, or the block inside it."));
            }

            return;
        }

        if (open.Paragraph.Parent == close.Paragraph.Parent)
        {
            if (TagsOf(open.Paragraph)[0] != open || TagsOf(close.Paragraph)[^1] != close
                || !TextOf(open.Paragraph).TrimStart().StartsWith(open.Text, StringComparison.Ordinal)
                || !TextOf(close.Paragraph).TrimEnd().EndsWith(close.Text, StringComparison.Ordinal))
            {
                problems.Add(new("T3", Locate(open),
                    $"“{open.Text}”与“{close.Text}”跨越多个段落，必须位于段落开头和段落末尾（或各占一段）。",
                    $"'{open.Text}' … '{close.Text}' span paragraphs: the start must begin a paragraph and the end must end one (or each stand alone)."));
                return;
            }

            foreach (var e in block.Elses)
            {
                if (e.Paragraph.Parent != open.Paragraph.Parent || TextOf(e.Paragraph).Trim() != e.Text)
                {
                    problems.Add(new("T3", Locate(e), $"跨段落的块中，“{e.Text}”必须单独成段。", $"In a block spanning paragraphs, '{e.Text}' must stand alone in its paragraph."));
                    return;
                }

                var marker = new XText(e.Text);
                e.Paragraph.ReplaceWith(marker);
            }

            Wrap(open, close, open.Paragraph, close.Paragraph);
            return;
        }

        var openRow = open.Paragraph.Ancestors(Tr).FirstOrDefault();
        var closeRow = close.Paragraph.Ancestors(Tr).FirstOrDefault();
        if (openRow is not null && closeRow is not null && openRow.Parent == closeRow.Parent
            && (openRow == closeRow || openRow.ElementsAfterSelf(Tr).Contains(closeRow)))
        {
            if (block.Elses.Count > 0)
            {
                problems.Add(new("T3", Locate(block.Elses[0]), "重复表格行的块中不支持 {{else}}。", "{{else}} is not supported in a block that repeats table rows."));
                return;
            }

            Wrap(open, close, openRow, closeRow);
            return;
        }

        problems.Add(new("T3", Locate(open),
            $"“{open.Text}”与“{close.Text}”（{Locate(close).Describe()}）不在同一段落范围或同一表格中：循环/条件的开始和结束必须在同一容器的段落边界，或同一表格的行边界。",
            $"'{open.Text}' and '{close.Text}' are not in the same paragraph range or table: a block must start and end at paragraph boundaries of one container, or in rows of one table."));
    }

    /// <summary>Moves the block's tags out of the text, around <paramref name="first"/>…<paramref name="last"/>.</summary>
    private void Wrap(Tag open, Tag close, XElement first, XElement last)
    {
        open.RemoveFromText();
        close.RemoveFromText();
        _emptied.Add(open.Paragraph); // candidates: removed later if nothing is left in them
        _emptied.Add(close.Paragraph);
        InsertBefore(first, open.Text);
        InsertAfter(last, close.Text);
    }

    private void RelocateCells(Block block)
    {
        var (open, close) = (block.Open, block.Close);
        var cell = open.Paragraph.Ancestors(Tc).FirstOrDefault();
        if (cell is null || close.Paragraph.Ancestors(Tc).FirstOrDefault() != cell || block.Elses.Count > 0)
        {
            problems.Add(new("T3", Locate(open), "{{#cells}} 与 {{/cells}} 必须在同一个表格单元格内（不带 {{else}}）。", "{{#cells}} and {{/cells}} must sit in one table cell (without {{else}})."));
            return;
        }

        open.RemoveFromText();
        close.RemoveFromText();
        var tcPr = cell.Element(TcPr) ?? AddFirst(cell, new XElement(TcPr));
        var gridSpan = tcPr.Element(GridSpan);
        var span = int.TryParse((string?)gridSpan?.Attribute(Val), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var tcW = tcPr.Element(TcW);
        var width = (string?)tcW?.Attribute(WidthType) is null or "dxa" && int.TryParse((string?)tcW?.Attribute(Wd), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : 0;
        if (gridSpan is null)
        {
            gridSpan = new XElement(GridSpan);
            AddAfterOrFirst(tcPr, tcW ?? tcPr.Element(CnfStyle), gridSpan);
        }

        gridSpan.SetAttributeValue(Val, $"{{{{__span {State}}}}}");
        if (tcW is not null && width > 0)
        {
            tcW.SetAttributeValue(Wd, $"{{{{__width {State}}}}}");
        }

        var args = open.Arguments;
        InsertBefore(cell, $"{{{{#__cells {args} {State} {span} {width}}}}}");
        InsertAfter(cell, "{{/__cells}}");
    }

    /// <summary>
    /// <c>{{merge x}}</c> in a table cell: consecutive rows with the same value become one
    /// vertically merged cell. The run restarts in every new table (a new project's table).
    /// </summary>
    private void RewriteMergeColumns(List<Tag> tags)
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
                problems.Add(new("T3", Locate(tag), "一个单元格里只能有一个 {{merge}}（单元格只能按一个值合并）。", "A table cell can hold only one {{merge}} (a cell merges by one value)."));
                continue;
            }

            var id = _mergeCells++;
            var tcPr = cell.Element(TcPr) ?? AddFirst(cell, new XElement(TcPr));
            tcPr.Elements(VMerge).Remove();
            var anchor = tcPr.Element(HMerge) ?? tcPr.Element(GridSpan) ?? tcPr.Element(TcW) ?? tcPr.Element(CnfStyle);
            AddAfterOrFirst(tcPr, anchor, new XText($"{{{{__vmerge {State} {id} {tag.Arguments}}}}}"));

            tag.ReplaceInText($"{{{{__mergeText {State} {id}}}}}");
            var table = cell.Ancestors(Tbl).First();
            if (resetTables.Add(table))
            {
                table.AddBeforeSelf(new XText($"{{{{__mergeReset {State}}}}}"));
            }
        }
    }

    /// <summary>Paragraphs that only held block tags disappear (a cell keeps its last one).</summary>
    private void RemoveEmptiedParagraphs()
    {
        foreach (var p in _emptied)
        {
            if (p.Parent is null || TextOf(p).Length > 0 || p.Descendants().Any(static e => NonTextContent.Contains(e.Name)))
            {
                continue;
            }

            if (p.Parent.Name == Tc && p.Parent.Elements(P).Count() == 1)
            {
                continue;
            }

            p.Remove();
        }
    }

    /// <summary>A cell whose paragraphs are all conditional or repeated still gets one paragraph.</summary>
    private void GuardCells()
    {
        var cells = _inserted.Keys.Select(static t => t.Parent).OfType<XElement>().Where(static p => p.Name == Tc).Distinct().ToList();
        foreach (var cell in cells)
        {
            AddAfterOrFirst(cell, cell.Element(TcPr), new XText("{{#__cellBody}}"));
            cell.Add(new XText("{{/__cellBody}}"));
        }
    }

    /// <summary>Bookmark ids and names are given at render time, unique in the output.</summary>
    private void RewriteBookmarks(XElement root)
    {
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in root.Descendants(BookmarkStart).ToList())
        {
            var id = (string?)start.Attribute(Id) ?? "";
            var k = bookmarks.Add((string?)start.Attribute(Name) ?? "_Bookmark");
            byId[id] = k;
            start.SetAttributeValue(Id, $"{{{{__bmStart {State} {k}}}}}");
            start.SetAttributeValue(Name, $"{{{{__bmName {State} {k} this}}}}");
        }

        foreach (var end in root.Descendants(BookmarkEnd).ToList())
        {
            if (byId.TryGetValue((string?)end.Attribute(Id) ?? "", out var k))
            {
                end.SetAttributeValue(Id, $"{{{{__bmEnd {State} {k}}}}}");
            }
            else
            {
                end.Remove();
            }
        }
    }

    /// <summary>Inserts an opening marker before <paramref name="element"/>, outside blocks that already start there.</summary>
    private void InsertBefore(XElement element, string text)
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
    private void InsertAfter(XElement element, string text)
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

    private static XElement AddFirst(XElement parent, XElement child)
    {
        parent.AddFirst(child);
        return child;
    }

    /// <summary>Adds <paramref name="node"/> right after <paramref name="anchor"/>, or first in <paramref name="parent"/> when there is none (schema order).</summary>
    private static void AddAfterOrFirst(XElement parent, XElement? anchor, XNode node)
    {
        if (anchor is null)
        {
            parent.AddFirst(node);
        }
        else
        {
            anchor.AddAfterSelf(node);
        }
    }

    private TemplateLocation Locate(Tag tag) => Locate(tag.Paragraph, tag.Text);

    internal TemplateLocation Locate(XElement element, string? focus = null)
    {
        var paragraph = element.Name == P ? element : element.AncestorsAndSelf(P).FirstOrDefault();
        var text = paragraph is null ? "" : TextOf(paragraph);
        var context = Around(text, focus);
        var cell = element.AncestorsAndSelf(Tc).FirstOrDefault();
        var root = element.AncestorsAndSelf().Last();
        if (cell is not null)
        {
            var row = cell.Parent!;
            var table = row.Parent!;
            var tableNumber = root.Descendants(Tbl).TakeWhile(t => t != table).Count() + 1;
            var rowNumber = table.Elements(Tr).TakeWhile(r => r != row).Count() + 1;
            var cellNumber = row.Elements(Tc).TakeWhile(c => c != cell).Count() + 1;
            int? inCell = paragraph is null ? null : cell.Elements(P).TakeWhile(p => p != paragraph).Count() + 1;
            return new TemplateLocation(partName, inCell, tableNumber, rowNumber, cellNumber, context);
        }

        int? number = paragraph is null ? null : root.Descendants(P).Where(static p => !p.Ancestors(Tc).Any()).TakeWhile(p => p != paragraph).Count() + 1;
        return new TemplateLocation(partName, number, null, null, null, context);
    }

    private static string Around(string text, string? focus)
    {
        const int Radius = 20;
        var at = focus is null ? -1 : text.IndexOf(focus, StringComparison.Ordinal);
        if (at < 0)
        {
            return text.Length <= 2 * Radius ? text : text[..(2 * Radius)] + "…";
        }

        var start = Math.Max(0, at - Radius);
        var end = Math.Min(text.Length, at + focus!.Length + Radius);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}

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

    [GeneratedRegex(@"^_Toc(\d{1,12})$")]
    private static partial Regex TocNumber();
}
