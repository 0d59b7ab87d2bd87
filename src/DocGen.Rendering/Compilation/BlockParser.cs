using DocGen.Core.Rules;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Matches the open, else and close tags of a part into a <see cref="BlockTree"/> and reports each
/// structural mistake once (T1 unbalanced, T2 crossed). It recovers as an admin would read the
/// template: a close tag that cannot end the innermost open block but fits one further out means
/// the inner ones were never closed — unless the inner block's own close comes later, which
/// means the two cross.
/// </summary>
internal sealed class BlockParser(TemplateLocator locator, List<TemplateProblem> problems)
{
    public BlockTree Parse(IReadOnlyList<Tag> tags)
    {
        var root = new Block(null, null);
        var stack = new List<Block> { root };
        var closed = new List<Block>();
        var byOpenTag = new Dictionary<Tag, Block>();
        var consumed = new HashSet<Tag>();
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var top = stack[^1];
            switch (tag.Kind)
            {
                case TagKind.Open:
                    var block = new Block(tag, top);
                    top.Children.Add(tag);
                    byOpenTag[tag] = block;
                    stack.Add(block);
                    break;
                case TagKind.Else when top.IsRoot:
                    problems.Add(new(RuleCodes.T1, locator.Locate(tag), $"“{tag.Text}”不在任何 {{{{#if}}}}/{{{{#each}}}} 块内。", $"'{tag.Text}' is outside any block."));
                    break;
                case TagKind.Else when top.Elses.Count > 0 && top.Elses[^1].ElseCondition.Length == 0:
                    problems.Add(new(RuleCodes.T2, locator.Locate(tag), $"“{top.Open!.Text}”中已经有一个 {{{{else}}}}，一个块只能有一个。", $"'{top.Open.Text}' already has an {{{{else}}}}; a block can have only one."));
                    break;
                case TagKind.Else:
                    top.Elses.Add(tag);
                    top.Children.Add(tag);
                    break;
                case TagKind.Close when consumed.Contains(tag):
                    break; // its block was already reported as crossing another
                case TagKind.Close:
                    Close(tags, i, stack, closed, consumed);
                    break;
                default:
                    top.Children.Add(tag);
                    break;
            }
        }

        for (var k = stack.Count - 1; k > 0; k--)
        {
            problems.Add(NeverClosed(stack[k].Open!));
        }

        return new BlockTree(root, closed, byOpenTag);
    }

    private void Close(IReadOnlyList<Tag> tags, int index, List<Block> stack, List<Block> closed, HashSet<Tag> consumed)
    {
        var tag = tags[index];
        var target = FindOpen(stack, tag);
        if (target < 0)
        {
            problems.Add(new(RuleCodes.T1, locator.Locate(tag), $"“{tag.Text}”没有对应的开始标签 {{{{#{tag.Name}}}}}。", $"'{tag.Text}' has no matching {{{{#{tag.Name}}}}}."));
            return;
        }

        while (stack.Count - 1 > target)
        {
            var inner = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            if (FreeCloseAfter(tags, index, inner.Name) is { } later)
            {
                consumed.Add(later);
                problems.Add(new(RuleCodes.T2, locator.Locate(tag),
                    $"块交叉：“{inner.Open!.Text}”（{locator.Locate(inner.Open).Describe()}）应先以 {{{{/{inner.Name}}}}} 结束，却遇到“{tag.Text}”。",
                    $"Crossed blocks: '{inner.Open.Text}' must close with {{{{/{inner.Name}}}}} before '{tag.Text}'."));
            }
            else
            {
                problems.Add(NeverClosed(inner.Open!));
            }
        }

        var block = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        block.Close = tag;
        closed.Add(block);
    }

    /// <summary>
    /// The open block a close tag ends: the innermost of its name that could end there (same
    /// paragraph, container or table), else the innermost of its name; -1 when none is open.
    /// </summary>
    private static int FindOpen(List<Block> stack, Tag close)
    {
        var sameName = -1;
        for (var k = stack.Count - 1; k > 0; k--)
        {
            if (stack[k].Name != close.Name)
            {
                continue;
            }

            if (Compatible(stack[k].Open!, close))
            {
                return k;
            }

            sameName = sameName < 0 ? k : sameName;
        }

        return sameName;
    }

    /// <summary>A later close tag of <paramref name="name"/> that no later open tag claims: the block's own close, misplaced.</summary>
    private static Tag? FreeCloseAfter(IReadOnlyList<Tag> tags, int index, string name)
    {
        var depth = 0;
        for (var k = index + 1; k < tags.Count; k++)
        {
            var t = tags[k];
            if (t.Name != name)
            {
                continue;
            }

            if (t.Kind == TagKind.Open)
            {
                depth++;
            }
            else if (t.Kind == TagKind.Close && depth-- == 0)
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>Whether a block opened at <paramref name="open"/> could end at <paramref name="close"/>: same paragraph, container or table.</summary>
    private static bool Compatible(Tag open, Tag close)
    {
        if (open.Paragraph == close.Paragraph || open.Paragraph.Parent == close.Paragraph.Parent)
        {
            return true;
        }

        var openTable = open.Paragraph.Ancestors(Wml.Tbl).FirstOrDefault();
        return openTable is not null && openTable == close.Paragraph.Ancestors(Wml.Tbl).FirstOrDefault();
    }

    private TemplateProblem NeverClosed(Tag open)
        => new(RuleCodes.T1, locator.Locate(open), $"“{open.Text}”没有结束标签 {{{{/{open.Name}}}}}。", $"'{open.Text}' is never closed with {{{{/{open.Name}}}}}.");
}
