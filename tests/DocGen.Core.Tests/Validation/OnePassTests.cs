using DocGen.Core.Tests.Support;
using DocGen.Core.Validation;
using DocGen.Core.Rules;

namespace DocGen.Core.Tests.Validation;

/// <summary>Shape problems no longer hide the content rules, and a broken value is reported once, never again as a consequence.</summary>
public sealed class OnePassTests
{
    [Fact]
    public void MisspeltPropertyAndContentMistakes_AreAllReportedTogether()
    {
        var check = Seed.CheckWith(static r =>
        {
            r["unitt"] = r["unit"]!.DeepClone();
            Seed.Project(r)["budget"]!["total"] = "99999.00";
            Seed.Indicator(r, 0).Remove("unit");
            Seed.Indicator(r, 1)["comparator"] = "≦";
        });

        Assert.True(check.HasError(RuleCodes.D6, "$.unitt"), check.Describe());
        Assert.True(check.HasError(RuleCodes.V7), check.Describe());
        Assert.True(check.HasError(RuleCodes.V17, "$.projects[0].indicators[0].unit"), check.Describe());
        Assert.True(check.HasError(RuleCodes.V17, "$.projects[0].indicators[1].comparator"), check.Describe());
    }

    [Fact]
    public void UnreadableAmount_IsOneError_NeitherMissingNorASumMismatch()
    {
        var check = Seed.CheckWith(static r => Seed.Project(r)["budget"]!["fiscal"] = "30,000.00");

        Assert.Equal([RuleCodes.V6], check.Report.Errors.Select(static e => e.Code));
        Assert.Contains("30000.00", check.Report.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltMember_IsNotAlsoReportedMissing()
    {
        var check = Seed.CheckWith(static r =>
        {
            var indicator = Seed.Indicator(r, 0);
            indicator["comparater"] = indicator["comparator"]!.DeepClone();
            indicator.Remove("comparator");
        });

        Assert.Equal([RuleCodes.D6], check.Report.Errors.Select(static e => e.Code));
    }

    [Fact]
    public void UnitTypedIntoTheValue_IsOneError_ThatSaysWhereEachGoes()
    {
        var check = Seed.CheckWith(static r =>
        {
            Seed.Indicator(r, 0)["value"] = "95%";
            Seed.Indicator(r, 0).Remove("unit");
        });

        var error = Assert.Single(check.Report.Errors);
        Assert.Equal(RuleCodes.V17, error.Code);
        Assert.Contains("value 写 95，计量单位 unit 写 %", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableNature_DoesNotTriggerTheQuantitativeOrQualitativeRules()
    {
        var check = Seed.CheckWith(static r => Seed.Indicator(r, 0)["nature"] = "定性");

        var error = Assert.Single(check.Report.Errors);
        Assert.Equal(RuleCodes.D5, error.Code);
        Assert.Contains("qualitative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableKind_StillChecksTheContentOfThePartsPresent()
    {
        var check = Seed.CheckWith(static r =>
        {
            r["kind"] = "combinde";
            Seed.Project(r)["budget"]!["total"] = "1.00";
        });

        Assert.True(check.HasError(RuleCodes.D5, "$.kind"), check.Describe());
        Assert.Contains("combined", check.With(RuleCodes.D5).Single().Message, StringComparison.Ordinal);
        Assert.True(check.HasError(RuleCodes.V7), check.Describe());
        Assert.False(check.HasError(RuleCodes.V1, "$.kind"), check.Describe());
    }

    [Fact]
    public void LastLabelWrittenWithoutDi_IsReportedOnce_NotAlsoAsAWrongLastCheckpoint()
    {
        var check = Seed.CheckWith(static r => Seed.Project(r)["spendingPlan"]![3]!["label"] = "12月");

        var error = Assert.Single(check.Report.Errors);
        Assert.Equal(RuleCodes.V9, error.Code);
        Assert.Contains("“12月底”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextLength_CountsCharactersAsAPersonDoes()
    {
        var check = Seed.CheckWith(static r => r["overallGoal"]!["intro"] = string.Concat(Enumerable.Repeat("😀", SubmissionLimits.Default.MaxStringLength - 1)));

        Assert.False(check.HasError(RuleCodes.D8), check.Describe());
    }

    [Fact]
    public void NumberTooLarge_SaysSo()
    {
        var check = Seed.Check(Seed.Text.Replace("\"fiscalYear\": 2021", "\"fiscalYear\": 99999999999999", StringComparison.Ordinal));

        Assert.Contains("太大", check.With(RuleCodes.D5).Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryIssue_IsNamedInTheClerksWords_BesideItsPath()
    {
        var check = Seed.CheckWith(static r => Seed.Indicator(r, 1).Remove("unit"));

        var issue = check.Report.Errors.Single();
        Assert.Equal("第 1 个项目“机关工委业务费” → 第 2 个指标“综合业务工作完成率” → 计量单位", issue.Location);
        Assert.Contains("\"location\": \"第 1 个项目", ReportFormatter.ToJson(check.Report, "x.json"), StringComparison.Ordinal);
        Assert.Contains("— 第 1 个项目“机关工委业务费” → 第 2 个指标", ReportFormatter.ToText(check.Report, "x.json"), StringComparison.Ordinal);
    }
}
