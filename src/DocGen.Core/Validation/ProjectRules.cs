using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>第二部分 预算项目绩效目标表: codes, amounts, spending plan, goals (V3–V12, V29).</summary>
internal static partial class ProjectRules
{
    public const int MaxProjectCodeLength = 50;
    public const int MinIndicators = 3;

    /// <summary>The largest amount: under a trillion (12 digits before the point), so sums stay exact and the figure is still a budget.</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    public static void Check(Submission s, IndicatorFramework? framework, IssueCollector issues)
    {
        if (s.Projects is not { Count: > 0 } projects)
        {
            issues.Error("V29", "$.projects", "至少需要 1 个预算项目（projects）。", "At least one project is required.");
            return;
        }

        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var seqs = new Dictionary<int, int>();
        for (var i = 0; i < projects.Count; i++)
        {
            var path = JsonPath.Index("$.projects", i);
            var project = projects[i];
            CheckCode(project.ProjectCode, s.FiscalYear, path, issues);
            if (project.ProjectCode is { Length: > 0 } code && !codes.TryAdd(code, i))
            {
                issues.Error("V5", path + ".projectCode", $"项目编码“{code}”与第 {codes[code] + 1} 个项目重复。",
                    $"projectCode '{code}' repeats project {codes[code] + 1}.");
            }

            var seq = project.Seq ?? i + 1;
            if (issues.IsBroken(path + ".seq"))
            {
                // reported as unreadable already
            }
            else if (seq < 1)
            {
                issues.Error("V5", path + ".seq", $"序号 seq 应为正整数，实际为 {seq}。", $"seq must be a positive integer; found {seq}.");
            }
            else if (!seqs.TryAdd(seq, i))
            {
                issues.Error("V5", path + ".seq", $"序号 {seq} 与第 {seqs[seq] + 1} 个项目重复。", $"seq {seq} repeats project {seqs[seq] + 1}.");
            }

            if (string.IsNullOrWhiteSpace(project.ProjectName))
            {
                issues.Error("V3", path + ".projectName", "缺少项目名称 projectName。", "projectName is missing.");
            }

            CheckBudget(project.Budget, path + ".budget", issues);
            CheckSpendingPlan(project, path + ".spendingPlan", issues);
            CheckGoals(project.Goals, path + ".goals", issues);
            IndicatorRules.Check(project.Indicators, framework, path + ".indicators", issues);
        }
    }

    private static void CheckCode(string? code, int? fiscalYear, string path, IssueCollector issues)
    {
        path += ".projectCode";
        if (string.IsNullOrWhiteSpace(code))
        {
            issues.Error("V3", path, "缺少项目编码 projectCode。", "projectCode is missing.");
            return;
        }

        if (code.Length > MaxProjectCodeLength || !code.All(static c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            issues.Error("V3", path,
                $"项目编码“{code}”只能由数字和大写字母组成，且不超过 {MaxProjectCodeLength} 个字符。",
                $"projectCode '{code}' must be digits and capital letters only, at most {MaxProjectCodeLength} characters.");
            return;
        }

        var m = ProjectCodePattern().Match(code);
        if (!m.Success)
        {
            issues.Warning("V4", path,
                $"项目编码“{code}”不是常见格式（6 位区划 + 2 位年度 + 13 位编号，如 13030321WLCRBVUADKPT8）。",
                $"projectCode '{code}' is not in the usual form (6-digit region + 2-digit year + 13-character serial).");
        }
        else if (fiscalYear is { } year && int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) != year % 100)
        {
            issues.Warning("V4", path,
                $"项目编码中的年度“{m.Groups["year"].Value}”与预算年度 {year} 不一致（若为跨年延续项目可忽略）。",
                $"The year part '{m.Groups["year"].Value}' of projectCode differs from fiscalYear {year} (fine for a continuing project).");
        }
    }

    private static void CheckBudget(Budget? budget, string path, IssueCollector issues)
    {
        if (budget is null)
        {
            issues.Error("V6", path, "缺少预算规模 budget（total、fiscal、other）。", "budget (total, fiscal, other) is missing.");
            return;
        }

        var total = CheckAmount(budget.Total, path + ".total", "预算数", required: true, issues);
        var fiscal = CheckAmount(budget.Fiscal, path + ".fiscal", "财政资金", required: true, issues);
        var other = CheckAmount(budget.Other, path + ".other", "其他资金", required: false, issues) ?? 0m;
        var otherUnknown = budget.Other is null && issues.IsBroken(path + ".other") || budget.Other is { } o && o != other;
        if (total is { } t && fiscal is { } f && !otherUnknown)
        {
            if (t != f + other)
            {
                issues.Error("V7", path + ".total",
                    $"预算数 {Money(t)} 不等于财政资金 {Money(f)} + 其他资金 {Money(other)} = {Money(f + other)}。",
                    $"total {Money(t)} is not fiscal {Money(f)} + other {Money(other)} = {Money(f + other)}.");
            }
            else if (t == 0)
            {
                issues.Warning("V8", path + ".total", "预算数为 0。", "The budget total is 0.");
            }
        }
    }

    private static decimal? CheckAmount(decimal? amount, string path, string label, bool required, IssueCollector issues)
    {
        if (amount is not { } value)
        {
            if (required)
            {
                issues.Error("V6", path, $"缺少{label}。", $"{path[(path.LastIndexOf('.') + 1)..]} is missing.");
            }

            return null;
        }

        if (value < 0)
        {
            issues.Error("V6", path, $"{label} {value} 不能为负数。", $"The amount {value} is negative.");
            return null;
        }

        if (value > MaxAmount)
        {
            issues.Error("V6", path, $"{label} {value} 过大（上限 {Money(MaxAmount)}）；请检查是否多写了数字，或改用“万元”为金额单位。",
                $"The amount {value} is too large (the limit is {Money(MaxAmount)}); check for extra digits, or use 万元 as the amount unit.");
            return null;
        }

        if (!HasAtMostTwoDecimals(value))
        {
            var rounded = Money(Math.Round(value, 2, MidpointRounding.AwayFromZero));
            issues.Error("V6", path, $"{label} {value} 超过两位小数（金额精确到分）：请写作 {rounded}。", $"The amount {value} has more than two decimals (amounts are in cents): write {rounded}.");
            return null;
        }

        return value;
    }

    private static void CheckSpendingPlan(Project project, string path, IssueCollector issues)
    {
        var plan = project.SpendingPlan;
        if (plan is not { Count: > 0 })
        {
            issues.Error("V9", path, "缺少资金支出计划 spendingPlan（如 3月底、6月底、10月底、12月底 的累计百分比）。",
                "spendingPlan is missing (cumulative percentages at checkpoints such as 3月底 … 12月底).");
            return;
        }

        // A plan typed as fractions (0.25 … 1) is one mistake, said once, not one per checkpoint.
        var fractions = plan.All(static c => c.CumulativePercent is null or (>= 0 and <= 1)) && plan[^1].CumulativePercent == 1m;
        if (fractions)
        {
            var example = plan.First(static c => c.CumulativePercent is not null).CumulativePercent!.Value;
            issues.Error("V9", path, $"累计支出百分比请按百分数填写：{example} 应写作 {example * 100:0.##}，1 应写作 100。",
                $"Write the cumulative percentages as percentages: {example} is {example * 100:0.##}, and 1 is 100.");
        }

        int? previousMonth = null;
        decimal? previousPercent = null;
        var lastLabelBroken = false;
        for (var i = 0; i < plan.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            var checkpoint = plan[i];
            int? month = null;
            var m = checkpoint.Label is null ? Match.Empty : MonthLabel().Match(checkpoint.Label);
            lastLabelBroken = false;
            if (!m.Success || int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is < 1 or > 12)
            {
                lastLabelBroken = true;
                var meant = MonthOnly().Match(checkpoint.Label ?? "") is { Success: true } typed ? $"“{typed.Groups[1].Value}月底”" : "“N月底”（N 为 1–12）";
                issues.Error("V9", itemPath + ".label", $"节点“{checkpoint.Label}”应写作{meant}。",
                    $"The label '{checkpoint.Label}' must read {meant.Replace("（N 为 1–12）", " with N from 1 to 12", StringComparison.Ordinal).Replace('“', '\'').Replace('”', '\'')}.");
            }
            else
            {
                month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                if (previousMonth is { } pm && month <= pm)
                {
                    issues.Error("V9", itemPath + ".label", $"节点月份应逐个递增：{month}月底 排在 {pm}月底 之后。",
                        $"Checkpoint months must increase: {month} comes after {pm}.");
                }

                previousMonth = month;
            }

            if (fractions)
            {
                continue; // the percentages were reported once, above
            }

            if (checkpoint.CumulativePercent is not { } pct)
            {
                issues.Error("V9", itemPath + ".cumulativePercent", "缺少累计支出百分比 cumulativePercent。", "cumulativePercent is missing.");
                continue;
            }

            if (pct is < 0 or > 100 || !HasAtMostTwoDecimals(pct))
            {
                issues.Error("V9", itemPath + ".cumulativePercent", $"累计支出百分比 {pct} 应在 0–100 之间，最多两位小数。",
                    $"cumulativePercent {pct} must be between 0 and 100 with at most two decimals.");
                continue;
            }

            if (previousPercent is { } pp && pct < pp)
            {
                issues.Error("V10", itemPath + ".cumulativePercent", $"累计支出百分比不能下降：{pct}% 小于前一节点的 {pp}%。",
                    $"Cumulative percentages cannot decrease: {pct}% is below the previous {pp}%.");
            }

            previousPercent = pct;

            // 序时进度 = month/12; well behind means below 60% of it (provincial monitors' red line).
            if (month is { } mo && pct < 0.6m * mo / 12m * 100m)
            {
                var expected = Math.Round(mo / 12m * 100m, 2);
                issues.Warning("V12", itemPath + ".cumulativePercent",
                    $"{mo}月底累计支出 {pct}% 明显落后于序时进度 {expected}%（低于其 60%）。",
                    $"{pct}% by month {mo} is well behind the time-elapsed pace of {expected}% (below 60% of it).");
            }
        }

        // A last label already reported (12月 for 12月底) is not reported again as a wrong last checkpoint.
        var last = plan[^1];
        if (!lastLabelBroken && !issues.IsBroken(JsonPath.Index(path, plan.Count - 1)) && (last.Label?.Trim() != "12月底" || (!fractions && last.CumulativePercent != 100m)))
        {
            var carryOver = project.ProjectName?.Contains("结转", StringComparison.Ordinal) == true;
            var zh = $"最后一个节点应为“12月底”且累计 100.00%，实际为“{last.Label}” {last.CumulativePercent}%。";
            var en = $"The last checkpoint must be 12月底 at 100.00%; found '{last.Label}' at {last.CumulativePercent}%.";
            if (carryOver)
            {
                issues.Warning("V11", JsonPath.Index(path, plan.Count - 1), zh + "（结转项目，仅提示）", en + " (carry-over project: warning only)");
            }
            else
            {
                issues.Error("V11", JsonPath.Index(path, plan.Count - 1), zh, en);
            }
        }
    }

    private static void CheckGoals(IReadOnlyList<string>? goals, string path, IssueCollector issues)
    {
        if (goals is not { Count: > 0 })
        {
            issues.Error("V29", path, "至少需要 1 条绩效目标（goals）。", "At least one goal is required.");
            return;
        }

        for (var i = 0; i < goals.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(goals[i]))
            {
                issues.Error("V29", JsonPath.Index(path, i), $"第 {i + 1} 条绩效目标为空。", $"Goal {i + 1} is empty.");
            }
            else
            {
                TextRules.CheckItemNumber(goals[i], JsonPath.Index(path, i), issues);
            }
        }
    }

    internal static bool HasAtMostTwoDecimals(decimal value) => value == Math.Round(value, 2);

    internal static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{6}(?<year>\d{2})[0-9A-Z]{13}$")]
    private static partial Regex ProjectCodePattern();

    [GeneratedRegex(@"^\s*(\d{1,2})\s*月底\s*$")]
    private static partial Regex MonthLabel();

    [GeneratedRegex(@"^\s*(1[0-2]|[1-9])\s*(?:月|月份|月末)\s*$")]
    private static partial Regex MonthOnly();
}
