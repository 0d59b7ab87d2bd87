using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rules;

namespace DocGen.Core.Validation;

/// <summary>
/// A project's 资金支出计划 (V9–V12): labels <c>N月底</c> in increasing months, cumulative
/// percentages in [0, 100] that never decrease, the last checkpoint 12月底 at 100, and a warning
/// for a plan well behind the time-elapsed pace.
/// </summary>
internal static partial class SpendingPlanRules
{
    public static void Check(Project project, string path, IssueCollector issues)
    {
        var plan = project.SpendingPlan;
        if (plan is not { Count: > 0 })
        {
            issues.Error(RuleCodes.V9, path, "缺少资金支出计划（如 3月底、6月底、10月底、12月底 的累计支出比例）。",
                "spendingPlan is missing (cumulative percentages at checkpoints such as 3月底 … 12月底).");
            return;
        }

        var fractions = TypedAsFractions(plan, path, issues);
        int? previousMonth = null;
        decimal? previousPercent = null;
        var lastLabelBroken = false;
        for (var i = 0; i < plan.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            var month = CheckLabel(plan[i].Label, previousMonth, itemPath, issues);
            lastLabelBroken = month is null;
            previousMonth = month ?? previousMonth;
            if (!fractions)
            {
                previousPercent = CheckPercent(plan[i].CumulativePercent, month, previousPercent, itemPath, issues) ?? previousPercent;
            }
        }

        if (!lastLabelBroken)
        {
            CheckLast(project, path, fractions, issues);
        }
    }

    /// <summary>A plan typed as fractions (0.25 … 1) is one mistake, said once for the plan, not once per checkpoint.</summary>
    private static bool TypedAsFractions(IReadOnlyList<SpendingCheckpoint> plan, string path, IssueCollector issues)
    {
        if (!plan.All(static c => c.CumulativePercent is null or (>= 0 and <= 1)) || plan[^1].CumulativePercent != 1m)
        {
            return false;
        }

        var example = plan.First(static c => c.CumulativePercent is not null).CumulativePercent!.Value;
        issues.Error(RuleCodes.V9, path, $"累计支出百分比请按百分数填写：{example} 应写作 {example * 100:0.##}，1 应写作 100。",
            $"Write the cumulative percentages as percentages: {example} is {example * 100:0.##}, and 1 is 100.");
        return true;
    }

    /// <summary>The checkpoint's month, or null when its label is not <c>N月底</c> (reported, with what was meant).</summary>
    private static int? CheckLabel(string? label, int? previousMonth, string itemPath, IssueCollector issues)
    {
        var m = label is null ? Match.Empty : MonthLabel().Match(label);
        if (!m.Success || int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is < 1 or > 12)
        {
            var meant = MonthOnly().Match(label ?? "") is { Success: true } typed ? $"“{typed.Groups[1].Value}月底”" : "“N月底”（N 为 1–12）";
            issues.Error(RuleCodes.V9, itemPath + ".label", $"节点“{Quoted.Of(label)}”应写作{meant}。",
                $"The label '{Quoted.Of(label)}' must read {meant.Replace("（N 为 1–12）", " with N from 1 to 12", StringComparison.Ordinal).Replace('“', '\'').Replace('”', '\'')}.");
            return null;
        }

        var month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (previousMonth is { } pm && month <= pm)
        {
            issues.Error(RuleCodes.V9, itemPath + ".label", $"节点月份应逐个递增：{month}月底 排在 {pm}月底 之后。",
                $"Checkpoint months must increase: {month} comes after {pm}.");
        }

        return month;
    }

    /// <summary>The checkpoint's percentage when it can be compared with the next, or null when it is missing or out of range (reported).</summary>
    private static decimal? CheckPercent(decimal? percent, int? month, decimal? previousPercent, string itemPath, IssueCollector issues)
    {
        if (percent is not { } pct)
        {
            issues.Error(RuleCodes.V9, itemPath + ".cumulativePercent", "缺少累计支出比例。", "cumulativePercent is missing.");
            return null;
        }

        if (pct is < 0 or > 100 || !ProjectRules.HasAtMostTwoDecimals(pct))
        {
            issues.Error(RuleCodes.V9, itemPath + ".cumulativePercent", $"累计支出百分比 {pct} 应在 0–100 之间，最多两位小数。",
                $"cumulativePercent {pct} must be between 0 and 100 with at most two decimals.");
            return null;
        }

        if (previousPercent is { } pp && pct < pp)
        {
            issues.Error(RuleCodes.V10, itemPath + ".cumulativePercent", $"累计支出百分比不能下降：{pct}% 小于前一节点的 {pp}%。",
                $"Cumulative percentages cannot decrease: {pct}% is below the previous {pp}%.");
        }

        // 序时进度 = month/12; well behind means below 60% of it (provincial monitors' red line).
        if (month is { } mo && pct < 0.6m * mo / 12m * 100m)
        {
            var expected = Math.Round(mo / 12m * 100m, 2);
            issues.Warning(RuleCodes.V12, itemPath + ".cumulativePercent",
                $"{mo}月底累计支出 {pct}% 明显落后于序时进度 {expected}%（低于其 60%）。",
                $"{pct}% by month {mo} is well behind the time-elapsed pace of {expected}% (below 60% of it).");
        }

        return pct;
    }

    /// <summary>The last checkpoint is 12月底 at 100 (a warning only for a carry-over project, 结转); a last label already reported is not reported again.</summary>
    private static void CheckLast(Project project, string path, bool fractions, IssueCollector issues)
    {
        var plan = project.SpendingPlan!;
        var last = plan[^1];
        var lastPath = JsonPath.Index(path, plan.Count - 1);
        if (issues.IsBroken(lastPath) || (last.Label?.Trim() == "12月底" && (fractions || last.CumulativePercent == 100m)))
        {
            return;
        }

        var zh = $"最后一个节点应为“12月底”且累计 100.00%，实际为“{Quoted.Of(last.Label)}” {last.CumulativePercent}%。";
        var en = $"The last checkpoint must be 12月底 at 100.00%; found '{Quoted.Of(last.Label)}' at {last.CumulativePercent}%.";
        if (project.ProjectName?.Contains("结转", StringComparison.Ordinal) == true)
        {
            issues.Warning(RuleCodes.V11, lastPath, zh + "（结转项目，仅提示）", en + " (carry-over project: warning only)");
        }
        else
        {
            issues.Error(RuleCodes.V11, lastPath, zh, en);
        }
    }

    [GeneratedRegex(@"^\s*([0-9]{1,2})\s*月底\s*$")]
    private static partial Regex MonthLabel();

    [GeneratedRegex(@"^\s*(1[0-2]|[1-9])\s*(?:月|月份|月末)\s*$")]
    private static partial Regex MonthOnly();
}
