using DocGen.Core.Tests.Support;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation;

public sealed class RuleTests
{
    public static TheoryData<string> FailingCases => [.. RuleCases.Failing.Keys];

    public static TheoryData<string> PassingCases => [.. RuleCases.Passing.Keys];

    [Theory]
    [MemberData(nameof(FailingCases))]
    public void Rule_ViolatedVariantOfSeed_IsReportedWithCodeSeverityAndPath(string name)
    {
        var c = RuleCases.Failing[name];
        var check = Seed.CheckWith(c.Mutate);

        Assert.True(
            check.Report.Issues.Any(i => i.Code == c.Code && i.Severity == c.Severity && i.Path == c.Path),
            $"Expected {c.Severity} {c.Code} at {c.Path}; got:\n{check.Describe()}");
        Assert.All(check.Report.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
        Assert.All(check.Report.Issues, static i => Assert.True(Core.Rules.RuleCatalog.Of(i.Code).Allows(i.Severity == Severity.Error), $"{i.Code} reported as {i.Severity}, which its catalogue entry does not allow"));
        if (c.Severity == Severity.Warning)
        {
            Assert.True(check.IsValid, "A warning must not block the document:\n" + check.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(PassingCases))]
    public void Rule_SatisfiedVariantOfSeed_IsNotReported(string name)
    {
        var (code, mutate) = RuleCases.Passing[name];
        var check = Seed.CheckWith(mutate);

        Assert.Empty(check.With(code));
        Assert.True(check.IsValid, check.Describe());
    }

    [Fact]
    public void RuleCases_CoverEveryRuleOfTheSpec()
    {
        var expected = Enumerable.Range(1, 29).Select(static n => $"V{n}").ToHashSet();
        Assert.Subset(RuleCases.Failing.Values.Select(static c => c.Code).ToHashSet(), expected);
        Assert.Subset(RuleCases.Passing.Values.Select(static c => c.Code).ToHashSet(), expected);
    }
}
