using System.Text.Json.Nodes;
using DocGen.Core.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Core.Tests.Validation;

/// <summary>
/// Full-width digits, as a Chinese input method types them, where the rules read numbers out of
/// text: each is a report at its place, never an exception (a JSON file that throws while it is
/// checked would stay in the inbox, unreported, for ever).
/// </summary>
public sealed class FullWidthDigitsTests
{
    [Theory]
    [InlineData("value", "９５%")]
    [InlineData("value", "￥３０")]
    [InlineData("value", "≥９０%")]
    public void AnIndicatorValueWithFullWidthDigits_IsReported_NotThrown(string member, string typed)
    {
        var seed = Seed();
        seed["projects"]![0]!["indicators"]![1]![member] = typed;

        var check = Repo.Validator.Check(Bytes(seed));

        Assert.Contains(check.Report.Errors, static e => e.Path == "$.projects[0].indicators[1].value");
    }

    [Fact]
    public void ACheckpointLabelWithFullWidthDigits_IsReportedAtItsLabel()
    {
        var seed = Seed();
        seed["projects"]![0]!["spendingPlan"]![3]!["label"] = "１２月底";

        var check = Repo.Validator.Check(Bytes(seed));

        Assert.Contains(check.Report.Errors, static e => e.Code == RuleCodes.V9 && e.Path == "$.projects[0].spendingPlan[3].label");
    }

    [Fact]
    public void GradingTextWithFullWidthDigits_IsReadWithoutThrowing()
    {
        var seed = Seed();
        seed["itemizedGoals"]!["grading"]!["verbatimText"] = "优：９０%以上；良：８０%-９０%；差：８０%以下";

        var thrown = Record.Exception(() => Repo.Validator.Check(Bytes(seed)));

        Assert.Null(thrown);
    }

    private static JsonNode Seed() => JsonNode.Parse(File.ReadAllText(Repo.Fixture("S001-seed.json")))!;

    private static byte[] Bytes(JsonNode submission) => System.Text.Encoding.UTF8.GetBytes(submission.ToJsonString());

    [Fact]
    public void CodesInFullWidthCharacters_AreToldHowToTypeThem()
    {
        var check = Support.Seed.CheckWith(static root =>
        {
            root["unit"]!["code"] = "２８６００１";
            Support.Seed.Project(root)["projectCode"] = "１３０３０３２１ＷＬＣＲＢＶＵＡＤＫＰＴ８";
        });

        Assert.Contains("写作 286001", Assert.Single(Support.Seed.With(check, RuleCodes.V2)).Message, StringComparison.Ordinal);
        Assert.Contains("写作 13030321WLCRBVUADKPT8", Assert.Single(Support.Seed.With(check, RuleCodes.V3)).Message, StringComparison.Ordinal);
    }
}
