using DocGen.Core.Rules;
using DocGen.Core.Tests.Support;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation;

public sealed class QuotedTests
{
    [Fact]
    public void ShortValue_IsQuotedAsItIs()
        => Assert.Equal("公众满意率", Quoted.Of("公众满意率"));

    [Fact]
    public void LongValue_IsCutAtFortyCharacters_AsAPersonCountsThem()
    {
        var quoted = Quoted.Of(string.Concat(Enumerable.Repeat("👍🏽", 100)));

        Assert.EndsWith("…", quoted, StringComparison.Ordinal);
        Assert.Equal(Quoted.MaxCharacters + 1, new System.Globalization.StringInfo(quoted).LengthInTextElements);
    }

    [Fact]
    public void OneCharacterJoiningThousandsOfCodePoints_IsCutToo()
        => Assert.InRange(Quoted.Of("a" + new string('\u200D', 10_000)).Length, 1, 200);

    [Fact]
    public void ValueOnSeveralLines_IsQuotedOnOne()
        => Assert.Equal("第一行 第二行", Quoted.Of("第一行\n第二行"));

    [Fact]
    public void ProjectCodeOfTwentyThousandCharacters_IsQuotedInItsErrorByItsStart()
    {
        var check = Seed.CheckWith(static root => Seed.Project(root)["projectCode"] = new string('a', 20_000));

        var issue = Assert.Single(check.With(RuleCodes.V3));
        Assert.InRange(issue.Message.Length, 1, 200);
    }
}
