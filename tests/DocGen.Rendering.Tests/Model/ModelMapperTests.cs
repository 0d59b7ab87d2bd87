using System.Text;
using System.Text.Json.Nodes;
using DocGen.Rendering.Model;
using DocGen.Rendering.Tests.Support;

namespace DocGen.Rendering.Tests.Model;

public sealed class ModelMapperTests
{
    private static DocumentModel Map(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(Docs.SeedJson)!.AsObject();
        edit(json);
        var check = Docs.Validator.Check(Encoding.UTF8.GetBytes(json.ToJsonString()));
        Assert.True(check.IsValid, string.Join("\n", check.Report.Errors.Select(static e => e.Message)));
        return ModelMapper.Map(check.Valid!);
    }

    [Fact]
    public void Defaults_AreApplied_OtherFundsGradingAndShortName()
    {
        var model = Map(static j =>
        {
            j["projects"]![0]!["budget"]!.AsObject().Remove("other");
            j["itemizedGoals"]!.AsObject().Remove("grading");
            j["unit"]!.AsObject().Remove("shortName");
        });

        Assert.Equal(0m, model.Projects[0].Budget.Other);
        Assert.Equal((90m, 80m, 70m), (model.ItemizedGoals!.Grading.Excellent, model.ItemizedGoals.Grading.Good, model.ItemizedGoals.Grading.Fair));
        Assert.Equal(model.Unit.Name, model.Unit.ShortName);
    }

    [Fact]
    public void ItemsTypedWithTheirOwnNumber_LoseIt()
    {
        var model = Map(static j => j["overallGoal"]!["items"]![0] = "一是在党建上下功夫。");

        Assert.Equal("在党建上下功夫。", model.OverallGoal!.Items[0]);
    }

    [Fact]
    public void Indicators_AreSortedInTheFrameworksOrder_Stably()
    {
        var model = Map(static j =>
        {
            var indicators = j["projects"]![0]!["indicators"]!.AsArray();
            var first = indicators[0]!.DeepClone();
            indicators.RemoveAt(0);
            indicators.Add(first); // a 产出 indicator moved to the end
        });

        var level1 = model.Projects[0].Indicators.Select(static i => i.Level1).ToList();
        Assert.Equal(level1.OrderBy(static l => l switch { "产出指标" => 0, "效益指标" => 1, _ => 2 }), level1);
        Assert.Equal("数量指标", model.Projects[0].Indicators[0].Level2);
    }

    [Fact]
    public void Comparators_AreCanonicalFullWidth()
    {
        var model = Map(static j => j["projects"]![0]!["indicators"]![0]!["comparator"] = ">=");

        Assert.Equal("≥", model.Projects[0].Indicators[0].Comparator);
    }
}
