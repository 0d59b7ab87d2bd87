using DocGen.Core.Model;
using DocGen.Core.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Core.Tests.Validation;

public sealed class SeedFixtureTests
{
    [Fact]
    public void SeedFixture_IsValid_WithExactlyTheWarningsSpecSection13Predicts()
    {
        var check = Seed.Check(Seed.Text);

        Assert.True(check.IsValid, check.Describe());
        var warnings = check.Report.Warnings.Select(static w => (w.Code, w.Path)).ToList();
        // §1.3 item 2: the 成本指标 row uses ≥; item 5: 9 of 10 bases copy the description;
        // item 7: half-width , and ; in 绩效目标是….
        (string, string)[] expected =
        [
            (RuleCodes.V25, "$.itemizedGoals.performanceGoals"),
            .. new[] { 0, 1, 2, 3, 4, 5, 7, 8, 9 }.Select(static i => (RuleCodes.V22, $"$.projects[0].indicators[{i}].basis")),
            (RuleCodes.V21, "$.projects[0].indicators[3].comparator"),
        ];
        Assert.Equal(expected.Order(), warnings.Order());
    }

    [Fact]
    public void SeedFixture_HoldsEverySeedValue()
    {
        var s = Seed.Check(Seed.Text).Submission!;

        Assert.Equal(SubmissionKind.Combined, s.Kind);
        Assert.Equal("286001", s.Unit!.Code);
        Assert.Equal(5, s.OverallGoal!.Items!.Count);
        Assert.Equal(5, s.Safeguards!.Items!.Count);
        Assert.Equal(8, s.ItemizedGoals!.IndicatorNames!.Count);
        var p = Assert.Single(s.Projects!);
        Assert.Equal(30000.00m, p.Budget!.Total);
        Assert.Equal(0m, p.Budget.Other);
        Assert.Equal(["3月底", "6月底", "10月底", "12月底"], p.SpendingPlan!.Select(static c => c.Label!));
        Assert.Equal(10, p.Indicators!.Count);
        Assert.All(p.Indicators, static i => Assert.Equal("≥", i.Comparator));

        // Every line of the seed export that is content (not layout) appears in the fixture.
        var fixture = Seed.Text;
        var seedLines = File.ReadAllLines(Repo.Fixture("seed", "000_1d98f0c8d9b041d9.txt"))
            .Select(static l => l.Trim('\t', ' ').Replace("[bookmark: _GoBack]", "", StringComparison.Ordinal))
            .Where(static l => l.Length > 12 && !l.StartsWith("[bookmark", StringComparison.Ordinal) && !l.Contains('≥', StringComparison.Ordinal));
        foreach (var line in seedLines)
        {
            var body = System.Text.RegularExpressions.Regex.Replace(line, "^(?:[一二三四五]是|\\d\\.|主要职责是|职责目标是|绩效目标是|绩效指标是|绩效标准：)", "");
            if (body.StartsWith("充分保障", StringComparison.Ordinal) || body.StartsWith(s.Unit.ShortName!, StringComparison.Ordinal) || body.StartsWith(s.Unit.Code!, StringComparison.Ordinal) || body.Contains('、', StringComparison.Ordinal) && body.EndsWith("完成率。", StringComparison.Ordinal))
            {
                continue; // generated text: grading bands, the indicator-name list, subtitles from shortName, code + name
            }

            Assert.Contains(body, fixture, StringComparison.Ordinal);
        }
    }
}
