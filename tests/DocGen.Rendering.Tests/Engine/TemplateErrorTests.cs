using DocGen.Rendering.Compilation;
using DocGen.Rendering.Tests.Support;

namespace DocGen.Rendering.Tests.Engine;

public sealed class TemplateErrorTests
{
    private static TemplateException CompileFails(Func<string, string> edit)
        => Assert.Throws<TemplateException>(() => TemplateCompiler.Compile(TemplateVariants.WithDocument(edit), "broken.docx"));

    [Fact]
    public void UnclosedLoopInATableCell_IsReportedWithItsTableRowAndCell()
    {
        var ex = CompileFails(static xml => xml.Replace("{{basis}}{{/each}}", "{{basis}}", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("T1", problem.Code);
        Assert.Equal((2, 2, 1), (problem.Location!.Table, problem.Location.Row, problem.Location.Cell));
        Assert.Contains("{{#each indicators}}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CloseWithoutOpen_IsReportedWithItsParagraph()
    {
        var ex = CompileFails(static xml => xml.Replace("{{#if hasPart1}}", "", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("T1", problem.Code);
        Assert.Null(problem.Location!.Table);
        Assert.NotNull(problem.Location.Paragraph);
        Assert.Contains("{{/if}}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossedBlocks_AreReported()
    {
        var ex = CompileFails(static xml => xml
            .Replace("{{/if}}</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">{{#if hasPart2}}", "{{/each}}</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">{{#if hasPart2}}", StringComparison.Ordinal));

        Assert.Contains(ex.Problems, static p => p.Code is "T2" or "T1");
    }

    [Fact]
    public void LoopOpenedInABodyParagraphAndClosedInATableCell_IsABoundaryError()
    {
        var ex = CompileFails(static xml => xml
            .Replace("{{#each projects}}", "{{#each projects}}{{#each goals}}", StringComparison.Ordinal)
            .Replace("{{number @index}}.{{this}}{{/each}}", "{{number @index}}.{{this}}{{/each}}{{/each}}", StringComparison.Ordinal));

        Assert.Contains(ex.Problems, static p => p.Code == "T3");
    }

    [Fact]
    public void SeveralProblems_AreAllReportedAtOnce()
    {
        var ex = CompileFails(static xml => xml
            .Replace("{{basis}}{{/each}}", "{{basis}}", StringComparison.Ordinal)
            .Replace("{{#if hasPart1}}", "", StringComparison.Ordinal));

        Assert.True(ex.Problems.Count >= 2, ex.Message);
    }

    [Fact]
    public void TrackedChanges_AreRefusedWithAClearMessage()
    {
        var ex = CompileFails(static xml => xml.Replace(
            "<w:r><w:t xml:space=\"preserve\">部门整体绩效目标</w:t></w:r>",
            "<w:ins w:id=\"99\" w:author=\"admin\" w:date=\"2026-01-01T00:00:00Z\"><w:r><w:t xml:space=\"preserve\">部门整体绩效目标</w:t></w:r></w:ins>",
            StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("T5", problem.Code);
        Assert.Contains("接受所有修订", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAWordFile_IsReported()
    {
        var ex = Assert.Throws<TemplateException>(() => TemplateCompiler.Compile("not a zip"u8.ToArray(), "x.docx"));

        Assert.Equal("T0", Assert.Single(ex.Problems).Code);
    }

    [Fact]
    public void TagSyntaxError_IsReported()
    {
        var ex = CompileFails(static xml => xml.Replace("{{overallGoal.intro}}", "{{overallGoal.intro", StringComparison.Ordinal)
            .Replace("{{#each overallGoal.items}}", "{{#each overallGoal.items}}}}", StringComparison.Ordinal));

        Assert.NotEmpty(ex.Problems);
    }

    [Fact]
    public void FieldTheDataDoesNotHave_FailsTheRenderInsteadOfPrintingBlank()
    {
        var template = TemplateCompiler.Compile(TemplateVariants.WithDocument(static xml => xml.Replace("{{fundPurpose}}", "{{fundPurpos}}", StringComparison.Ordinal)), "typo.docx");

        var ex = Assert.Throws<Rendering.Engine.TemplateRenderException>(() => Docs.Render(Docs.SeedJson, template));
        Assert.Contains("fundPurpos", ex.Message, StringComparison.Ordinal);
    }
}
