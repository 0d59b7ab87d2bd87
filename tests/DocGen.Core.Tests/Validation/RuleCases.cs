using System.Text.Json.Nodes;
using DocGen.Core.Validation;
using static DocGen.Core.Tests.Support.Seed;
using DocGen.Core.Rules;

namespace DocGen.Core.Tests.Validation;

/// <summary>
/// One failing and one passing variant of the seed per rule of SPEC §4. Each case names the rule
/// code, the severity it must be reported with, and the JSON path it must point at.
/// </summary>
internal static class RuleCases
{
    public sealed record Case(string Code, Severity Severity, string Path, Action<JsonObject> Mutate);

    private const string P0 = "$.projects[0]";
    private const string I0 = "$.projects[0].indicators[0]";

    public static readonly Dictionary<string, Case> Failing = new()
    {
        ["V1 kind missing"] = new(RuleCodes.V1, Severity.Error, "$.kind", r => r.Remove("kind")),
        ["V1 fiscalYear out of range"] = new(RuleCodes.V1, Severity.Error, "$.fiscalYear", r => r["fiscalYear"] = 1999),
        ["V1 unit.code missing"] = new(RuleCodes.V1, Severity.Error, "$.unit.code", r => r["unit"]!.AsObject().Remove("code")),
        ["V1 unit.name blank"] = new(RuleCodes.V1, Severity.Error, "$.unit.name", r => r["unit"]!["name"] = "  "),
        ["V1 unknown framework"] = new(RuleCodes.V1, Severity.Error, "$.framework", r => r["framework"] = "mof2099"),
        ["V1 projects in departmentOverall"] = new(RuleCodes.V1, Severity.Error, "$.kind", r => r["kind"] = "departmentOverall"),
        ["V2 unit.code not digits"] = new(RuleCodes.V2, Severity.Error, "$.unit.code", r => r["unit"]!["code"] = "28600A"),
        ["V2 unit.code not 6 digits"] = new(RuleCodes.V2, Severity.Warning, "$.unit.code", r => r["unit"]!["code"] = "2860011"),
        ["V3 projectCode lower case"] = new(RuleCodes.V3, Severity.Error, P0 + ".projectCode", r => Project(r)["projectCode"] = "13030321wlcrbvuadkpt8"),
        ["V3 projectCode too long"] = new(RuleCodes.V3, Severity.Error, P0 + ".projectCode", r => Project(r)["projectCode"] = new string('A', 51)),
        ["V3 projectCode empty"] = new(RuleCodes.V3, Severity.Error, P0 + ".projectCode", r => Project(r)["projectCode"] = ""),
        ["V4 projectCode unusual form"] = new(RuleCodes.V4, Severity.Warning, P0 + ".projectCode", r => Project(r)["projectCode"] = "ABC123"),
        ["V4 projectCode year differs"] = new(RuleCodes.V4, Severity.Warning, P0 + ".projectCode", r => r["fiscalYear"] = 2022),
        ["V5 duplicate projectCode"] = new(RuleCodes.V5, Severity.Error, "$.projects[1].projectCode", r => AddSecondProject(r, code: null, seq: 2)),
        ["V5 duplicate seq"] = new(RuleCodes.V5, Severity.Error, "$.projects[1].seq", r => AddSecondProject(r, code: "13030321WLCRBVUADKPT9", seq: 1)),
        ["V6 negative amount"] = new(RuleCodes.V6, Severity.Error, P0 + ".budget.other", r => Budget(r)["other"] = "-1.00"),
        ["V6 three decimals"] = new(RuleCodes.V6, Severity.Error, P0 + ".budget.fiscal", r => Budget(r)["fiscal"] = "30000.001"),
        ["V6 not a number"] = new(RuleCodes.V6, Severity.Error, P0 + ".budget.total", r => Budget(r)["total"] = "三万元"),
        ["V6 exponent refused"] = new(RuleCodes.V6, Severity.Error, P0 + ".budget.total", r => Budget(r)["total"] = JsonNode.Parse("3e4")),
        ["V6 total missing"] = new(RuleCodes.V6, Severity.Error, P0 + ".budget.total", r => Budget(r).Remove("total")),
        ["V7 total is not fiscal + other"] = new(RuleCodes.V7, Severity.Error, P0 + ".budget.total", r => Budget(r)["other"] = "0.01"),
        ["V8 total zero"] = new(RuleCodes.V8, Severity.Warning, P0 + ".budget.total", r => { Budget(r)["total"] = "0"; Budget(r)["fiscal"] = 0; }),
        ["V9 label not N月底"] = new(RuleCodes.V9, Severity.Error, P0 + ".spendingPlan[0].label", r => Plan(r)[0]!["label"] = "第一季度"),
        ["V9 months not increasing"] = new(RuleCodes.V9, Severity.Error, P0 + ".spendingPlan[2].label", r => Plan(r)[2]!["label"] = "6月底"),
        ["V9 percent above 100"] = new(RuleCodes.V9, Severity.Error, P0 + ".spendingPlan[1].cumulativePercent", r => Plan(r)[1]!["cumulativePercent"] = "101"),
        ["V9 percent not a number"] = new(RuleCodes.V9, Severity.Error, P0 + ".spendingPlan[0].cumulativePercent", r => Plan(r)[0]!["cumulativePercent"] = "二成五"),
        ["V9 plan missing"] = new(RuleCodes.V9, Severity.Error, P0 + ".spendingPlan", r => Project(r).Remove("spendingPlan")),
        ["V10 cumulative decreases"] = new(RuleCodes.V10, Severity.Error, P0 + ".spendingPlan[2].cumulativePercent", r => Plan(r)[2]!["cumulativePercent"] = "40.00"),
        ["V11 last is not 100"] = new(RuleCodes.V11, Severity.Error, P0 + ".spendingPlan[3]", r => Plan(r)[3]!["cumulativePercent"] = "99.00"),
        ["V11 carry-over warns"] = new(RuleCodes.V11, Severity.Warning, P0 + ".spendingPlan[3]", r => { Plan(r)[3]!["cumulativePercent"] = "90.00"; Project(r)["projectName"] = "上年结转机关工委业务费"; }),
        ["V12 behind pace"] = new(RuleCodes.V12, Severity.Warning, P0 + ".spendingPlan[1].cumulativePercent", r => { Plan(r)[0]!["cumulativePercent"] = "10"; Plan(r)[1]!["cumulativePercent"] = "20.00"; }),
        ["V13 unknown level1"] = new(RuleCodes.V13, Severity.Error, I0 + ".level1", r => Indicator(r, 0)["level1"] = "投入指标"),
        ["V13 level2 of another level1"] = new(RuleCodes.V13, Severity.Error, I0 + ".level2", r => Indicator(r, 0)["level2"] = "社会效益指标"),
        ["V14 no 效益 indicator"] = new(RuleCodes.V14, Severity.Error, P0 + ".indicators", r => RemoveIndicators(r, i => i["level1"]!.GetValue<string>() == "效益指标")),
        ["V15 no 满意度 indicator"] = new(RuleCodes.V15, Severity.Warning, P0 + ".indicators", r => RemoveIndicators(r, i => i["level1"]!.GetValue<string>() == "满意度指标")),
        ["V15 产出 without 时效"] = new(RuleCodes.V15, Severity.Warning, P0 + ".indicators", r => RemoveIndicators(r, i => i["level2"]!.GetValue<string>() == "时效指标")),
        ["V16 name too long"] = new(RuleCodes.V16, Severity.Error, I0 + ".name", r => Indicator(r, 0)["name"] = new string('率', 101)),
        ["V16 name missing"] = new(RuleCodes.V16, Severity.Error, I0 + ".name", r => Indicator(r, 0).Remove("name")),
        ["V16 duplicate name"] = new(RuleCodes.V16, Severity.Warning, "$.projects[0].indicators[1].name", r => Indicator(r, 1)["name"] = "机关自身建设任务完成率"),
        ["V17 bad comparator"] = new(RuleCodes.V17, Severity.Error, I0 + ".comparator", r => Indicator(r, 0)["comparator"] = "≈"),
        ["V17 unit missing"] = new(RuleCodes.V17, Severity.Error, I0 + ".unit", r => Indicator(r, 0).Remove("unit")),
        ["V17 value not a number"] = new(RuleCodes.V17, Severity.Error, I0 + ".value", r => Indicator(r, 0)["value"] = "九十"),
        ["V18 qualitative without text"] = new(RuleCodes.V18, Severity.Error, I0 + ".valueText", r => { Indicator(r, 0)["nature"] = "qualitative"; Indicator(r, 0).Remove("comparator"); Indicator(r, 0).Remove("unit"); }),
        ["V18 qualitative with comparator"] = new(RuleCodes.V18, Severity.Error, I0, r => { Indicator(r, 0)["nature"] = "qualitative"; Indicator(r, 0)["valueText"] = "达成目标"; }),
        ["V19 placeholder in valueText"] = new(RuleCodes.V19, Severity.Error, I0 + ".valueText", r => Qualitative(Indicator(r, 0), "XX%以上")),
        ["V20 percent above 100"] = new(RuleCodes.V20, Severity.Warning, I0 + ".value", r => Indicator(r, 0)["value"] = "120"),
        ["V20 satisfaction below 80"] = new(RuleCodes.V20, Severity.Warning, "$.projects[0].indicators[7].value", r => Indicator(r, 7)["value"] = "75"),
        ["V21 cost with ≥"] = new(RuleCodes.V21, Severity.Warning, "$.projects[0].indicators[3].comparator", _ => { }),
        ["V22 basis copies description"] = new(RuleCodes.V22, Severity.Warning, I0 + ".basis", _ => { }),
        ["V22 basis empty"] = new(RuleCodes.V22, Severity.Warning, "$.projects[0].indicators[6].basis", r => Indicator(r, 6).Remove("basis")),
        ["V23 grading out of order"] = new(RuleCodes.V23, Severity.Error, "$.itemizedGoals.grading", r => Grading(r)["good"] = 95),
        ["V23 grading not a number"] = new(RuleCodes.V23, Severity.Error, "$.itemizedGoals.grading.good", r => Grading(r)["good"] = "八十"),
        ["V23 grading above 100"] = new(RuleCodes.V23, Severity.Error, "$.itemizedGoals.grading", r => Grading(r)["excellent"] = 101),
        ["V24 seed's 差 typo"] = new(RuleCodes.V24, Severity.Warning, "$.itemizedGoals.grading.verbatimText", r => Grading(r)["verbatimText"] = SeedGradingText),
        ["V25 half-width comma"] = new(RuleCodes.V25, Severity.Warning, "$.itemizedGoals.performanceGoals", _ => { }),
        ["V26 item numbered 一是"] = new(RuleCodes.V26, Severity.Warning, "$.overallGoal.items[0]", r => r["overallGoal"]!["items"]![0] = "一是" + r["overallGoal"]!["items"]![0]!.GetValue<string>()),
        ["V26 goal numbered 1."] = new(RuleCodes.V26, Severity.Warning, P0 + ".goals[1]", r => Project(r)["goals"]![1] = "2.按照工作职责完成。"),
        ["V27 intro missing"] = new(RuleCodes.V27, Severity.Error, "$.overallGoal.intro", r => r["overallGoal"]!.AsObject().Remove("intro")),
        ["V27 no safeguard item"] = new(RuleCodes.V27, Severity.Error, "$.safeguards.items", r => r["safeguards"]!["items"] = new JsonArray()),
        ["V27 part 1 missing"] = new(RuleCodes.V27, Severity.Error, "$.itemizedGoals.mainDuties", r => r.Remove("itemizedGoals")),
        ["V28 counts differ"] = new(RuleCodes.V28, Severity.Warning, "$.safeguards.items", r => r["safeguards"]!["items"]!.AsArray().RemoveAt(4)),
        ["V29 no projects"] = new(RuleCodes.V29, Severity.Error, "$.projects", r => r["projects"] = new JsonArray()),
        ["V29 no goals"] = new(RuleCodes.V29, Severity.Error, P0 + ".goals", r => Project(r)["goals"] = new JsonArray()),
        ["V29 two indicators"] = new(RuleCodes.V29, Severity.Error, P0 + ".indicators", r => RemoveIndicators(r, i => i["level1"]!.GetValue<string>() != "产出指标" || i["level2"]!.GetValue<string>() is not ("数量指标" or "质量指标"))),
    };

    public static readonly Dictionary<string, (string Code, Action<JsonObject> Mutate)> Passing = new()
    {
        ["V1 projectGoalTable without part 1"] = (RuleCodes.V1, r => { r["kind"] = "projectGoalTable"; r.Remove("overallGoal"); r.Remove("itemizedGoals"); r.Remove("safeguards"); }),
        ["V1 framework omitted means legacy"] = (RuleCodes.V1, r => r.Remove("framework")),
        ["V2 six digits"] = (RuleCodes.V2, r => r["unit"]!["code"] = "123456"),
        ["V3 digits and capitals"] = (RuleCodes.V3, r => Project(r)["projectCode"] = "ABC123"),
        ["V4 usual form"] = (RuleCodes.V4, r => Project(r)["projectCode"] = "13030321ABCDEFGHIJKLM"),
        ["V5 two distinct projects"] = (RuleCodes.V5, r => AddSecondProject(r, code: "13030321WLCRBVUADKPT9", seq: 2)),
        ["V6 numbers accepted"] = (RuleCodes.V6, r => { Budget(r)["total"] = 30000; Budget(r)["fiscal"] = 30000.0; Budget(r)["other"] = "0"; }),
        ["V7 with other funds"] = (RuleCodes.V7, r => { Budget(r)["fiscal"] = "25000.50"; Budget(r)["other"] = "4999.50"; }),
        ["V8 non-zero"] = (RuleCodes.V8, _ => { }),
        ["V9 two checkpoints"] = (RuleCodes.V9, r => { Plan(r).RemoveAt(0); Plan(r).RemoveAt(0); }),
        ["V10 flat plan"] = (RuleCodes.V10, r => Plan(r)[1]!["cumulativePercent"] = "25.00"),
        ["V11 ends at 12月底 100"] = (RuleCodes.V11, _ => { }),
        ["V12 on pace"] = (RuleCodes.V12, _ => { }),
        ["V13 alias 环境效益指标"] = (RuleCodes.V13, r => Indicator(r, 4)["level2"] = "环境效益指标"),
        ["V14 every required category"] = (RuleCodes.V14, _ => { }),
        ["V15 every recommended category"] = (RuleCodes.V15, _ => { }),
        ["V16 distinct names"] = (RuleCodes.V16, _ => { }),
        ["V17 ASCII comparator accepted"] = (RuleCodes.V17, r => Indicator(r, 0)["comparator"] = ">="),
        ["V18 qualitative indicator"] = (RuleCodes.V18, r => Qualitative(Indicator(r, 1), "达成目标")),
        ["V19 real value text"] = (RuleCodes.V19, r => Qualitative(Indicator(r, 1), "按时完成")),
        ["V20 satisfaction at 80"] = (RuleCodes.V20, r => Indicator(r, 7)["value"] = "80"),
        ["V21 cost with ≤"] = (RuleCodes.V21, r => { Indicator(r, 3)["comparator"] = "≤"; Indicator(r, 3)["value"] = "30000"; Indicator(r, 3)["unit"] = "元"; }),
        ["V22 real basis"] = (RuleCodes.V22, r => { foreach (var i in Project(r)["indicators"]!.AsArray()) { i!["basis"] = "计划标准"; } }),
        ["V23 custom bands"] = (RuleCodes.V23, r => { Grading(r)["excellent"] = 95; Grading(r)["good"] = 85; Grading(r)["fair"] = 60; }),
        ["V24 corrected verbatim text"] = (RuleCodes.V24, r => Grading(r)["verbatimText"] = SeedGradingText.Replace("的80%以下", "70%以下", StringComparison.Ordinal)),
        ["V25 full-width punctuation"] = (RuleCodes.V25, r => r["itemizedGoals"]!["performanceGoals"] = "开展宣传教育活动，效果明显；学习制度得到落实。"),
        ["V26 unnumbered items"] = (RuleCodes.V26, _ => { }),
        ["V27 complete part 1"] = (RuleCodes.V27, _ => { }),
        ["V28 five and five"] = (RuleCodes.V28, _ => { }),
        ["V29 three indicators"] = (RuleCodes.V29, r => RemoveIndicators(r, i => i["level2"]!.GetValue<string>() is not ("数量指标" or "社会效益指标" or "可持续影响指标"))),
    };

    public const string SeedGradingText = "充分保障工作的完成数占全年的计划数达到90%以上的为优；较好保障工作的完成数占全年的计划数达到80%-90%的为良；基本保障工作的完成数占全年的计划数达到70%-80%的为中；不能保障工作的完成数占全年的计划数的80%以下的为差。";

    private static JsonObject Budget(JsonObject r) => Project(r)["budget"]!.AsObject();

    private static JsonArray Plan(JsonObject r) => Project(r)["spendingPlan"]!.AsArray();

    private static JsonObject Grading(JsonObject r) => r["itemizedGoals"]!["grading"]!.AsObject();

    private static void Qualitative(JsonObject indicator, string text)
    {
        indicator["nature"] = "qualitative";
        indicator["valueText"] = text;
        indicator.Remove("comparator");
        indicator.Remove("unit");
        indicator.Remove("value");
    }

    private static void RemoveIndicators(JsonObject r, Func<JsonNode, bool> predicate)
    {
        var indicators = Project(r)["indicators"]!.AsArray();
        foreach (var i in indicators.Where(i => predicate(i!)).ToList())
        {
            indicators.Remove(i);
        }
    }

    private static void AddSecondProject(JsonObject r, string? code, int seq)
    {
        var copy = Project(r).DeepClone().AsObject();
        if (code is not null)
        {
            copy["projectCode"] = code;
        }

        copy["seq"] = seq;
        r["projects"]!.AsArray().Add(copy);
    }
}
