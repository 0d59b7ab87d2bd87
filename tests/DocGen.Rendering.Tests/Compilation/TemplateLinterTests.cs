using DocGen.Rendering.Compilation;
using DocGen.Rendering.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Tests.Compilation;

public sealed class TemplateLinterTests
{
    [Fact]
    public void UnclosedLoopAndAMisspeltFieldInsideWith_AreExactlyTwoProblems_EachWhereItIs()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml
            .Replace("{{#each overallGoal.items}}{{ordinal @index}}{{this}}{{/each}}", "{{#each overallGoal.items}}{{ordinal @index}}{{this}}", StringComparison.Ordinal)
            .ReplaceFirst("{{excellent}}", "{{excelent}}"));

        Assert.True(ex.Problems.Select(static p => p.Code).Order().SequenceEqual([RuleCodes.T1, RuleCodes.T7]), ex.Message);
        var unclosed = ex.Problems.Single(static p => p.Code == RuleCodes.T1);
        Assert.Contains("{{#each overallGoal.items}}", unclosed.Message, StringComparison.Ordinal);
        Assert.NotNull(unclosed.Location!.Paragraph);
        var misspelt = ex.Problems.Single(static p => p.Code == RuleCodes.T7);
        Assert.Contains("您是否想写“excellent”", misspelt.Message, StringComparison.Ordinal);
        Assert.Contains("{{excelent}}", misspelt.Location!.Context, StringComparison.Ordinal);
        Assert.Equal(16, misspelt.Location.Paragraph);
    }

    [Fact]
    public void FieldOnATextItem_SaysItIsAText_NeverListsDotNetMembers()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml.Replace("{{ordinal @index}}{{this}}{{/each}}", "{{ordinal @index}}{{this.name}}{{/each}}", StringComparison.Ordinal));

        var problem = ex.Problems.First(static p => p.Code == RuleCodes.T7);
        Assert.Contains("一段文字", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("chars", problem.MessageEn, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("length", problem.MessageEn, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ElseBranchOfALoop_IsCheckedInTheScopeAroundTheLoop()
    {
        // {{else}} of #each runs when the list is empty, in the outer scope: unit exists there, not on a goal.
        var template = TemplateCompiler.Compile(TemplateVariants.WithDocument(static xml => xml.Replace(
            "{{#each goals}}{{number @index}}.{{this}}{{/each}}", "{{#each goals}}{{number @index}}.{{this}}{{else}}{{projectName}}{{/each}}", StringComparison.Ordinal)), "else.docx");

        Assert.Equal("else.docx", template.Name); // compiled: T7 would have thrown
    }

    [Fact]
    public void MisspeltFieldAfterAnUnclosedLoop_IsStillReportedOnce()
    {
        var ex = TemplateVariants.CompileFails(static xml => xml
            .Replace("{{#each safeguards.items}}{{ordinal @index}}{{this}}{{/each}}", "{{#each safeguards.items}}{{ordinal @index}}{{this}}", StringComparison.Ordinal)
            .Replace("{{projectCode}}", "{{projectCod}}", StringComparison.Ordinal));

        Assert.Equal([RuleCodes.T1, RuleCodes.T7], ex.Problems.Select(static p => p.Code).Order());
        Assert.Contains("projectCode", ex.Problems.Single(static p => p.Code == RuleCodes.T7).Message, StringComparison.Ordinal);
    }
}

internal static class StringEdits
{
    public static string ReplaceFirst(this string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{what}' not found");
        return text[..at] + with + text[(at + what.Length)..];
    }
}

public sealed class MalformedBlockTests
{
    // Each of these crashed Handlebars.Net's own parser (found by fuzzing); now each is one clear problem.
    [Theory]
    [InlineData("{{#if combined}}第一部分{{/if}}", "{{#if combined hasPart1}}第一部分{{/if}}", RuleCodes.T4)]
    [InlineData("{{#if combined}}第一部分{{/if}}", "{{#if}}第一部分{{/if}}", RuleCodes.T4)]
    [InlineData("{{#if combined}}第一部分{{/if}}", "{{#unless}}第一部分{{/unless}}", RuleCodes.T4)]
    [InlineData("{{#if combined}}第一部分{{/if}}", "{{#if combined}}第一部分{{else}}甲{{else}}乙{{/if}}", RuleCodes.T2)]
    [InlineData("{{#each goals}}{{number @index}}.{{this}}{{/each}}", "{{#each goals as |goal|}}{{number @index}}.{{this}}{{/each}}", RuleCodes.T4)]
    public void BlockTheParserWouldCrashOn_IsOneClearProblem(string from, string to, string code)
    {
        var ex = TemplateVariants.CompileFails(xml => xml.Replace(from, to, StringComparison.Ordinal));

        Assert.Equal(code, Assert.Single(ex.Problems).Code);
    }
}
