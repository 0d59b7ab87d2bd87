using System.Text;
using DocGen.Core.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Core.Tests.Json;

/// <summary>Each syntax slip of a clerk typing through a Chinese IME gets a specific message at the character column an editor shows.</summary>
public sealed class SyntaxSlipTests
{
    private static readonly string s_seed = File.ReadAllText(Repo.Fixture("S001-seed.json"));

    /// <summary>The seed with one text replaced (the first occurrence), checked.</summary>
    private static DocGen.Core.Validation.ValidationIssue SyntaxError(string from, string to)
    {
        var at = s_seed.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, from);
        var check = Repo.Validator.Check(Encoding.UTF8.GetBytes(s_seed[..at] + to + s_seed[(at + from.Length)..]));
        return Assert.Single(check.Report.Issues);
    }

    [Theory]
    [InlineData("\"fiscalYear\": 2021,", "\"fiscalYear\": 2021，", "全角逗号“，”", 5, 21)]
    [InlineData("\"projectName\": \"", "\"projectName\"：\"", "全角冒号“：”", 60, 20)]
    [InlineData("\"projectName\": \"机关工委业务费\"", "\"projectName\": “机关工委业务费”", "中文引号““”", 60, 22)]
    [InlineData("\"budget\": {", "\"budget\": ｛", "全角花括号“｛”", 61, 17)]
    [InlineData("\"goals\": [", "\"goals\": ［", "全角方括号“［”", 85, 16)]
    public void FullWidthPunctuation_IsNamed_WithTheAsciiToTypeInstead(string from, string to, string named, int line, int column)
    {
        var issue = SyntaxError(from, to);

        Assert.Equal(RuleCodes.D1, issue.Code);
        Assert.Contains(named, issue.Message, StringComparison.Ordinal);
        Assert.Contains("请改为", issue.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (issue.Line, issue.Column));
        Assert.EndsWith("^", issue.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingComma_SaysWhereToPutIt()
    {
        var issue = SyntaxError("\"fiscalYear\": 2021,", "\"fiscalYear\": 2021");

        Assert.Contains("缺少逗号", issue.Message, StringComparison.Ordinal);
        Assert.Contains("第 5 行第 21 个字符", issue.Message, StringComparison.Ordinal);
        Assert.Equal(6, issue.Line);
    }

    [Fact]
    public void TextAfterTheEnd_IsNamedAsSuch()
    {
        var issue = Assert.Single(Repo.Validator.Check(Encoding.UTF8.GetBytes(s_seed.TrimEnd() + "\n}\n")).Report.Issues);

        Assert.Contains("多余的内容", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedString_PointsAtWhereItStarts()
    {
        var text = s_seed.Replace("\"机关工委业务费\",\n      \"budget\"", "\"机关工委业务费,\n      \"budget\"", StringComparison.Ordinal);

        var check = Repo.Validator.Check(Encoding.UTF8.GetBytes(text));

        Assert.Contains(check.Report.Errors, static e => e.Code == RuleCodes.D1);
    }

    [Fact]
    public void FileCutInsideAString_SaysTheQuoteIsMissing_AndLooksUnfinished()
    {
        var check = Repo.Validator.Check(Encoding.UTF8.GetBytes(s_seed[..(s_seed.IndexOf("机关工委业务费", StringComparison.Ordinal) + 3)]));

        var issue = Assert.Single(check.Report.Issues);
        Assert.Contains("没有结束引号", issue.Message, StringComparison.Ordinal);
        Assert.Contains("第 60 行第 22 个字符", issue.Message, StringComparison.Ordinal);
        Assert.True(check.LooksIncomplete);
    }

    [Fact]
    public void Column_CountsCharacters_NotBytes()
    {
        // Six Chinese characters (18 UTF-8 bytes) before the slip on its line.
        var issue = SyntaxError("\"shortName\": \"区直工委\"", "\"shortName\": \"区直工委\"，\"x\"");

        var line = issue.Excerpt!.Split('\n')[0];
        Assert.StartsWith("，", line[(issue.Column!.Value - 1)..], StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(line[..(issue.Column.Value - 1)]) > issue.Column.Value - 1);
    }
}
