using System.Globalization;
using System.Text.Json.Nodes;
using DocGen.Core.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Core.Tests.Validation;

public sealed class LargeSubmissionTests
{
    /// <summary>20 projects × 30 indicators: every comparator, qualitative rows, non-zero 其他资金.</summary>
    internal static JsonObject Build(int projects = 20, int indicatorsPerProject = 30)
    {
        var root = Seed.Json();
        var template = Seed.Project(root);
        var list = new JsonArray();
        (string L1, string L2)[] categories =
        [
            ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
            ("效益指标", "经济效益指标"), ("效益指标", "社会效益指标"), ("效益指标", "生态效益指标"), ("效益指标", "可持续影响指标"),
            ("满意度指标", "服务对象满意度指标"),
        ];
        string[] comparators = ["≥", "≤", "＝", "＞", "＜", ">=", "<"];
        for (var p = 0; p < projects; p++)
        {
            var project = template.DeepClone().AsObject();
            project["seq"] = p + 1;
            project["projectCode"] = string.Create(CultureInfo.InvariantCulture, $"13030321PROJ{p:D9}");
            project["projectName"] = $"测试项目{p + 1}";
            project["budget"] = new JsonObject { ["total"] = "123456.78", ["fiscal"] = "100000.00", ["other"] = 23456.78m };
            var indicators = new JsonArray();
            for (var i = 0; i < indicatorsPerProject; i++)
            {
                var (l1, l2) = categories[i % categories.Length];
                var indicator = new JsonObject
                {
                    ["level1"] = l1,
                    ["level2"] = l2,
                    ["name"] = $"指标{i + 1}",
                    ["description"] = $"描述{i + 1}",
                    ["basis"] = "计划标准",
                };
                if (i % 5 == 4)
                {
                    indicator["nature"] = "qualitative";
                    indicator["valueText"] = "达成目标";
                }
                else
                {
                    indicator["comparator"] = l2 == "成本指标" ? "≤" : comparators[i % comparators.Length];
                    indicator["value"] = l1 == "满意度指标" ? "95" : "50.5";
                    indicator["unit"] = "%";
                }

                indicators.Add(indicator);
            }

            project["indicators"] = indicators;
            list.Add(project);
        }

        root["projects"] = list;
        return root;
    }

    [Fact]
    public void TwentyProjectsOfThirtyIndicators_Validate()
    {
        var check = Seed.Check(Build().ToJsonString());

        Assert.True(check.IsValid, check.Describe());
        Assert.Equal(20, check.Submission!.Projects!.Count);
        Assert.All(check.Submission.Projects, static p => Assert.Equal(30, p.Indicators!.Count));
        Assert.DoesNotContain(check.Report.Issues, static i => i.Code is RuleCodes.V21 or RuleCodes.V22 or RuleCodes.V17 or RuleCodes.V18);
    }
}
