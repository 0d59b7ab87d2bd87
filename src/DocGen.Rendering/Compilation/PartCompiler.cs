using System.Xml.Linq;
using static DocGen.Rendering.Compilation.Wml;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Turns one XML part of a template (document, header, footer) into the text of a Handlebars
/// template whose output is that part's XML: the run text is normalised, the tags are found and
/// matched into blocks once, checked against the model, and moved to the boundaries they
/// control; tables and bookmarks are rewritten to internal helpers that keep the output valid.
/// </summary>
internal sealed class PartCompiler(string partName, BookmarkCollector bookmarks, List<TemplateProblem> problems)
{
    private readonly TemplateLocator _locator = new(partName);
    private List<Tag> _tags = [];

    public string Compile(XDocument document)
    {
        var root = document.Root!;
        if (root.Descendants().FirstOrDefault(static e => Revisions.Contains(e.Name)) is { } revision)
        {
            problems.Add(new TemplateProblem(RuleCodes.T5, _locator.Locate(revision), "模板含有修订（修订模式下的改动）。请在 Word 中“审阅 → 接受所有修订”（或拒绝）后保存。",
                "The template has tracked changes; accept or reject all changes in Word (Review → Accept All) and save."));
            return "";
        }

        RunNormalizer.Clean(root);
        foreach (var paragraph in root.Descendants(P).ToList())
        {
            RunNormalizer.JoinTags(paragraph);
        }

        _tags = TagCollector.Collect(root);
        if (_tags.Count > PackageLimits.MaxTagsPerPart)
        {
            problems.Add(new TemplateProblem(RuleCodes.T10, _locator.Part(), $"模板部件中有 {_tags.Count:N0} 个标签，超过上限 {PackageLimits.MaxTagsPerPart:N0}。", $"The part has {_tags.Count:N0} tags, more than {PackageLimits.MaxTagsPerPart:N0}."));
            return "";
        }

        var byParagraph = _tags.GroupBy(static t => t.Paragraph).ToDictionary(static g => g.Key, static g => (IReadOnlyList<Tag>)[.. g]);
        var tree = new BlockParser(_locator, problems).Parse(_tags);
        new TemplateLinter(_locator, problems).Check(tree);

        var markers = new MarkerWriter();
        var relocator = new BlockRelocator(_locator, markers, problems);
        var tables = new TableRewriter(_locator, markers, problems);
        foreach (var block in tree.Closed)
        {
            if (block.Name == "cells")
            {
                tables.RelocateCells(block);
            }
            else
            {
                relocator.Relocate(block, p => byParagraph.TryGetValue(p, out var list) ? list : []);
            }
        }

        tables.RewriteMergeColumns(_tags);
        tables.RewriteGrids();
        relocator.RemoveEmptiedParagraphs();
        tables.GuardCells();
        BookmarkRewriter.Rewrite(root, bookmarks);

        var declaration = document.Declaration?.ToString() ?? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
        return declaration + root.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces);
    }

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
                problems.Add(new TemplateProblem(RuleCodes.T4, _locator.Locate(tag), $"“{tag.Text}”语法错误：{error.Message}", $"'{tag.Text}' has a syntax error: {error.Message}"));
            }
        }

        if (problems.Count == before)
        {
            problems.Add(new TemplateProblem(RuleCodes.T4, _locator.Part(), "模板标签语法错误（未能定位到具体标签）。", "Template tag syntax error (no single tag could be blamed)."));
        }
    }
}
