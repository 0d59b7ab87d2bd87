using System.Xml.Linq;
using DocGen.Rendering.Compilation;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Tests.Compilation;

public sealed class BlockParserTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A body of one paragraph per text, parsed into a block tree.</summary>
    private static (BlockTree Tree, List<TemplateProblem> Problems, List<Tag> Tags) Parse(params string[] paragraphs)
    {
        var body = new XElement(W + "body", paragraphs.Select(p => new XElement(W + "p", new XElement(W + "r", new XElement(W + "t", p)))));
        _ = new XDocument(new XElement(W + "document", body));
        var tags = TagCollector.Collect(body);
        var problems = new List<TemplateProblem>();
        return (new BlockParser(new TemplateLocator("word/document.xml"), problems).Parse(tags), problems, tags);
    }

    [Fact]
    public void NestedBlocks_AreMatched_InnermostClosedFirst()
    {
        var (tree, problems, _) = Parse("{{#each projects}}", "{{#if seq}}", "{{projectName}}", "{{else}}", "x", "{{/if}}", "{{/each}}");

        Assert.Empty(problems);
        Assert.Equal(["if", "each"], tree.Closed.Select(static b => b.Name));
        var each = tree.Closed[1];
        Assert.Equal("{{#each projects}}", each.Open!.Text);
        var inner = tree.BlockOf(Assert.Single(each.Children));
        Assert.Equal(["{{projectName}}", "{{else}}"], inner.Children.Select(static t => t.Text));
        Assert.Single(inner.Elses);
    }

    [Fact]
    public void BlockNeverClosed_IsReportedOnce_AndTheOuterBlockStillCloses()
    {
        var (tree, problems, _) = Parse("{{#if hasPart1}}", "{{#each goals}}{{this}}", "{{/if}}");

        var problem = Assert.Single(problems);
        Assert.Equal(RuleCodes.T1, problem.Code);
        Assert.Contains("{{#each goals}}", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["if"], tree.Closed.Select(static b => b.Name));
    }

    [Fact]
    public void CloseWithoutOpen_IsReported()
    {
        var (_, problems, _) = Parse("text", "{{/each}}");

        Assert.Equal(RuleCodes.T1, Assert.Single(problems).Code);
    }

    [Fact]
    public void CrossedBlocks_AreOneT2_NotACascade()
    {
        var (_, problems, _) = Parse("{{#if a}}", "{{#each b}}", "{{/if}}", "{{/each}}");

        Assert.Equal(RuleCodes.T2, Assert.Single(problems).Code);
    }

    [Fact]
    public void ElseOutsideAnyBlock_IsReported()
    {
        var (_, problems, _) = Parse("{{else}}");

        Assert.Equal(RuleCodes.T1, Assert.Single(problems).Code);
    }

    [Fact]
    public void Tags_ParseTheirKindNameAndArgumentsOnce()
    {
        var (_, _, tags) = Parse("{{#each  projects }}{{amount budget.total}}{{else if x}}{{/each}}{{! a comment }}");

        Assert.Equal([TagKind.Open, TagKind.Expression, TagKind.Else, TagKind.Close], tags.Select(static t => t.Kind));
        Assert.Equal(("each", "projects"), (tags[0].Name, tags[0].Arguments));
        Assert.Equal(("amount", "budget.total"), (tags[1].Name, tags[1].Arguments));
        Assert.Equal("if x", tags[2].ElseCondition);
    }
}
