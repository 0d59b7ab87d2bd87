using DocGen.Rendering.Compilation;
using DocGen.Rendering.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Tests.Compilation;

public sealed class TemplateErrorTests
{
    [Fact]
    public void UnclosedLoopInATableCell_IsReportedWithItsTableRowAndCell()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{basis}}{{/each}}", "{{basis}}", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(RuleCodes.T1, problem.Code);
        Assert.Equal((2, 2, 1), (problem.Location!.Table, problem.Location.Row, problem.Location.Cell));
        Assert.Contains("{{#each indicators}}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CloseWithoutOpen_IsReportedWithItsParagraph()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{#if hasPart1}}", "", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(RuleCodes.T1, problem.Code);
        Assert.Null(problem.Location!.Table);
        Assert.NotNull(problem.Location.Paragraph);
        Assert.Contains("{{/if}}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossedBlocks_AreReported()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml
            .Replace("{{/if}}</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">{{#if hasPart2}}", "{{/each}}</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">{{#if hasPart2}}", StringComparison.Ordinal));

        Assert.Contains(ex.Problems, static p => p.Code is RuleCodes.T2 or RuleCodes.T1);
    }

    [Fact]
    public void LoopOpenedInABodyParagraphAndClosedInATableCell_IsABoundaryError()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml
            .Replace("{{#each projects}}", "{{#each projects}}{{#each goals}}", StringComparison.Ordinal)
            .Replace("{{number @index}}.{{this}}{{/each}}", "{{number @index}}.{{this}}{{/each}}{{/each}}", StringComparison.Ordinal));

        Assert.Contains(ex.Problems, static p => p.Code == RuleCodes.T3);
    }

    [Fact]
    public void SeveralProblems_AreAllReportedAtOnce()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml
            .Replace("{{basis}}{{/each}}", "{{basis}}", StringComparison.Ordinal)
            .Replace("{{#if hasPart1}}", "", StringComparison.Ordinal));

        Assert.True(ex.Problems.Count >= 2, ex.Message);
    }

    [Fact]
    public void SyntaxErrorOnlyHandlebarsSees_IsStillReportedAtTheTag()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{amount budget.total}}", "{{amount budget.total \"unclosed}}", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(RuleCodes.T4, problem.Code);
        Assert.Equal((1, 3, 3), (problem.Location!.Table, problem.Location.Row, problem.Location.Cell));
    }

    [Fact]
    public void TwoInlineBlocksInOneParagraph_KeepTheTextBetweenThem()
    {
        // The paragraph starts with one block and ends with another: it is not one whole-paragraph block.
        var template = TemplateCompiler.Compile(TemplateVariants.WithDocument(static xml => xml.Replace(
            "{{overallGoal.intro}}", "{{#if combined}}A{{/if}} 中间 {{#if hasPart2}}B{{/if}}", StringComparison.Ordinal)), "two-inline.docx");

        var docx = Docs.Render(Docs.SeedJson, template);

        Assert.Contains("A 中间 B", TikaText.Export(Docs.Part(docx)), StringComparison.Ordinal);
        Docs.AssertValid(docx);
    }

    [Fact]
    public void InlineBlockCuttingAHyperlink_IsReported()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace(
            "<w:r><w:t xml:space=\"preserve\">{{overallGoal.intro}}</w:t></w:r>",
            "<w:r><w:t xml:space=\"preserve\">{{#if combined}}见</w:t></w:r><w:hyperlink w:anchor=\"x\"><w:r><w:t xml:space=\"preserve\">链接{{/if}}</w:t></w:r></w:hyperlink><w:r><w:t xml:space=\"preserve\">后文</w:t></w:r>",
            StringComparison.Ordinal));

        Assert.Equal(RuleCodes.T3, Assert.Single(ex.Problems).Code);
    }

    [Fact]
    public void TwoMergesInOneCell_AreReported()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{merge level1}}", "{{merge level1}}{{merge level2}}", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(RuleCodes.T3, problem.Code);
        Assert.Equal((2, 2, 1), (problem.Location!.Table, problem.Location.Row, problem.Location.Cell));
    }

    [Fact]
    public void TrackedChanges_AreRefusedWithAClearMessage()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace(
            "<w:r><w:t xml:space=\"preserve\">部门整体绩效目标</w:t></w:r>",
            "<w:ins w:id=\"99\" w:author=\"admin\" w:date=\"2026-01-01T00:00:00Z\"><w:r><w:t xml:space=\"preserve\">部门整体绩效目标</w:t></w:r></w:ins>",
            StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(RuleCodes.T5, problem.Code);
        Assert.Contains("接受所有修订", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAWordFile_IsReported()
    {
        var ex = Assert.Throws<TemplateException>(() => TemplateCompiler.Compile("not a zip"u8.ToArray(), "x.docx"));

        Assert.Equal(RuleCodes.T0, Assert.Single(ex.Problems).Code);
    }

    [Fact]
    public void TagSyntaxError_IsReportedAtTheTag()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{overallGoal.intro}}", "{{overallGoal.intro)}}", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems, static p => p.Code == RuleCodes.T4);
        Assert.Contains("overallGoal.intro)", problem.Location!.Context, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldTheModelDoesNotHave_IsReportedAtCompile_WithADidYouMean()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{fundPurpose}}", "{{fundPurpos}}", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(RuleCodes.T7, problem.Code);
        Assert.Equal((1, 4, 2), (problem.Location!.Table, problem.Location.Row, problem.Location.Cell));
        Assert.Contains("fundPurpose", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldsAreLookedUpInTheLoopsScope()
    {
        // projectCode exists on a project, not at the top of the model.
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{overallGoal.intro}}", "{{projectCode}}", StringComparison.Ordinal));

        Assert.Equal(RuleCodes.T7, Assert.Single(ex.Problems).Code);
    }

    [Fact]
    public void UnknownHelper_IsReportedWithASuggestion()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{amount budget.total}}", "{{amout budget.total}}", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(RuleCodes.T6, problem.Code);
        Assert.Contains("amount", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoopOverSomethingThatIsNotAList_IsReported()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{#each goals}}", "{{#each projectName}}", StringComparison.Ordinal));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(RuleCodes.T8, problem.Code);
        Assert.Equal((1, 7, 2), (problem.Location!.Table, problem.Location.Row, problem.Location.Cell));
    }

    [Fact]
    public void TemplateWithSeveralKindsOfProblems_ReportsThemAll()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml
            .Replace("{{fundPurpose}}", "{{fundPurpos}}", StringComparison.Ordinal)
            .Replace("{{amount budget.total}}", "{{amout budget.total}}", StringComparison.Ordinal)
            .Replace("{{#each goals}}", "{{#each projectName}}", StringComparison.Ordinal)
            .Replace("{{basis}}{{/each}}", "{{basis}}", StringComparison.Ordinal));

        Assert.Equal([RuleCodes.T1, RuleCodes.T6, RuleCodes.T7, RuleCodes.T8], ex.Problems.Select(static p => p.Code).Distinct().Order());
    }

    [Fact]
    public void PlaceholderInTheFooter_IsRendered_AndCheckedLikeTheBody()
    {
        var template = TemplateCompiler.Compile(TemplateVariants.WithPart("word/footer1.xml", static xml => xml.Replace("— </w:t>", "{{unit.shortName}} — </w:t>", StringComparison.Ordinal)), "footer.docx");
        var docx = Docs.Render(Docs.SeedJson, template);

        Assert.Contains("区直工委 — ", Docs.Part(docx, "word/footer1.xml").Root!.Value, StringComparison.Ordinal);
        var ex = Assert.Throws<TemplateException>(() => TemplateCompiler.Compile(TemplateVariants.WithPart("word/footer1.xml", static xml => xml.Replace("— </w:t>", "{{unit.shortNam}} — </w:t>", StringComparison.Ordinal)), "footer.docx"));
        Assert.Contains("footer", Assert.Single(ex.Problems).Location!.Describe(), StringComparison.Ordinal);
    }
}
