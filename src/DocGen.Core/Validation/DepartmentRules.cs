using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rules;

namespace DocGen.Core.Validation;

/// <summary>第一部分 部门整体绩效目标 (V23, V24, V26, V27, V28).</summary>
internal static partial class DepartmentRules
{
    public static void Check(Submission s, IssueCollector issues)
    {
        RequireText(s.OverallGoal?.Intro, "$.overallGoal.intro", "一、总体绩效目标的导语", issues);
        RequireText(s.ItemizedGoals?.MainDuties, "$.itemizedGoals.mainDuties", "主要职责", issues);
        RequireText(s.ItemizedGoals?.DutyGoals, "$.itemizedGoals.dutyGoals", "职责目标", issues);
        RequireText(s.ItemizedGoals?.PerformanceGoals, "$.itemizedGoals.performanceGoals", "绩效目标", issues);
        var goalItems = CheckItems(s.OverallGoal?.Items, "$.overallGoal.items", "一、总体绩效目标", issues);
        var safeguardItems = CheckItems(s.Safeguards?.Items, "$.safeguards.items", "三、工作保障措施", issues);
        if (goalItems > 0 && safeguardItems > 0 && goalItems != safeguardItems)
        {
            issues.Warning(RuleCodes.V28, "$.safeguards.items",
                $"一、总体绩效目标有 {goalItems} 条，三、工作保障措施有 {safeguardItems} 条；通常每条目标对应一条保障措施。",
                $"Part 一 has {goalItems} items and part 三 has {safeguardItems}; usually each goal has a matching safeguard.");
        }

        CheckGrading(s.ItemizedGoals?.Grading, issues);
    }

    private static void RequireText(string? text, string path, string label, IssueCollector issues)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            issues.Error(RuleCodes.V27, path, $"缺少{label}。", $"{path[2..]} is missing or empty.");
        }
    }

    private static int CheckItems(IReadOnlyList<string>? items, string path, string label, IssueCollector issues)
    {
        if (items is null || items.Count == 0)
        {
            issues.Error(RuleCodes.V27, path, $"{label}至少需要 1 条。", $"{path[2..]} needs at least one item.");
            return 0;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            if (string.IsNullOrWhiteSpace(items[i]))
            {
                issues.Error(RuleCodes.V27, itemPath, $"{label}第 {i + 1} 条为空。", $"Item {i + 1} is empty.");
            }
            else
            {
                TextRules.CheckItemNumber(items[i], itemPath, issues);
            }
        }

        return items.Count;
    }

    private static void CheckGrading(Grading? grading, IssueCollector issues)
    {
        if (issues.IsBroken("$.itemizedGoals.grading.excellent") || issues.IsBroken("$.itemizedGoals.grading.good") || issues.IsBroken("$.itemizedGoals.grading.fair"))
        {
            return; // a band reported as unreadable: comparing the others with a default would be a consequence
        }

        var excellent = grading?.Excellent ?? Grading.DefaultExcellent;
        var good = grading?.Good ?? Grading.DefaultGood;
        var fair = grading?.Fair ?? Grading.DefaultFair;
        const string path = "$.itemizedGoals.grading";
        if (!(excellent > good && good > fair && fair > 0 && excellent <= 100))
        {
            issues.Error(RuleCodes.V23, path,
                $"绩效标准须满足 100 ≥ 优 > 良 > 中 > 0，当前为 优 {excellent}、良 {good}、中 {fair}。",
                $"Grading must satisfy 100 ≥ excellent > good > fair > 0; found {excellent}/{good}/{fair}.");
            return;
        }

        if (grading?.VerbatimText is { } text)
        {
            CheckVerbatim(text, excellent, good, fair, issues);
        }
    }

    /// <summary>V24: the thresholds written in the verbatim sentence must be the numbers (seed §1.3 item 1).</summary>
    private static void CheckVerbatim(string text, decimal excellent, decimal good, decimal fair, IssueCollector issues)
    {
        var problems = new List<string>();
        foreach (Match m in Above().Matches(text))
        {
            if (Parse(m.Groups[1].Value) != excellent)
            {
                problems.Add($"“{Quoted.Of(m.Value)}”应为 {excellent}%以上");
            }
        }

        foreach (Match m in Range().Matches(text))
        {
            var (low, high) = (Parse(m.Groups[1].Value), Parse(m.Groups[2].Value));
            if (!((low == good && high == excellent) || (low == fair && high == good)))
            {
                problems.Add($"“{Quoted.Of(m.Value)}”不是 {good}%-{excellent}% 或 {fair}%-{good}%");
            }
        }

        foreach (Match m in Below().Matches(text))
        {
            if (Parse(m.Groups[1].Value) != fair)
            {
                problems.Add($"“{Quoted.Of(m.Value)}”应为 {fair}%以下");
            }
        }

        if (problems.Count > 0)
        {
            issues.Warning(RuleCodes.V24, "$.itemizedGoals.grading.verbatimText",
                $"绩效标准原文与数字（优 {excellent}、良 {good}、中 {fair}）不一致：{string.Join("；", problems)}。",
                $"The verbatim grading text disagrees with the numbers ({excellent}/{good}/{fair}): {string.Join("; ", problems)}.");
        }
    }

    private static decimal Parse(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)[%％]\s*以上")]
    private static partial Regex Above();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)[%％]?\s*[-–—~～至到]\s*([0-9]+(?:\.[0-9]+)?)[%％]")]
    private static partial Regex Range();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)[%％]\s*以下")]
    private static partial Regex Below();
}
