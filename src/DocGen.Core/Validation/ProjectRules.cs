using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rules;

namespace DocGen.Core.Validation;

/// <summary>第二部分 预算项目绩效目标表: codes, amounts, goals (V3–V8, V29); the spending plan is <see cref="SpendingPlanRules"/>'s.</summary>
internal static partial class ProjectRules
{
    /// <summary>For a code typed in full-width characters (as a Chinese input method types them): the code as it should be typed; empty otherwise.</summary>
    public static string HalfWidthHint(string code)
        => ValueSlips.HasFullWidthCharacters(code) && ValueSlips.ToHalfWidth(code) is var half && half != code ? $"请用半角字符：写作 {Quoted.Of(half)}。" : "";

    public const int MaxProjectCodeLength = 50;
    public const int MinIndicators = 3;

    /// <summary>The largest amount: under a trillion (12 digits before the point), so sums stay exact and the figure is still a budget.</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    public static void Check(Submission s, IndicatorFramework? framework, IssueCollector issues)
    {
        if (s.Projects is not { Count: > 0 } projects)
        {
            issues.Error(RuleCodes.V29, "$.projects", "至少需要 1 个预算项目。", "At least one project is required.");
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
                issues.Error(RuleCodes.V5, path + ".projectCode", $"项目编码“{Quoted.Of(code)}”与第 {codes[code] + 1} 个项目重复。",
                    $"projectCode '{Quoted.Of(code)}' repeats project {codes[code] + 1}.");
            }

            var seq = project.Seq ?? i + 1;
            if (issues.IsBroken(path, ".seq"))
            {
                // reported as unreadable already
            }
            else if (seq < 1)
            {
                issues.Error(RuleCodes.V5, path + ".seq", $"序号应为正整数，实际为 {seq}。", $"seq must be a positive integer; found {seq}.");
            }
            else if (!seqs.TryAdd(seq, i))
            {
                issues.Error(RuleCodes.V5, path + ".seq", $"序号 {seq} 与第 {seqs[seq] + 1} 个项目重复。", $"seq {seq} repeats project {seqs[seq] + 1}.");
            }

            if (string.IsNullOrWhiteSpace(project.ProjectName))
            {
                issues.Error(RuleCodes.V3, path + ".projectName", "缺少项目名称。", "projectName is missing.");
            }

            CheckBudget(project.Budget, path + ".budget", issues);
            SpendingPlanRules.Check(project, path + ".spendingPlan", issues);
            CheckGoals(project.Goals, path + ".goals", issues);
            IndicatorRules.Check(project.Indicators, framework, path + ".indicators", issues);
        }
    }

    private static void CheckCode(string? code, int? fiscalYear, string path, IssueCollector issues)
    {
        path += ".projectCode";
        if (string.IsNullOrWhiteSpace(code))
        {
            issues.Error(RuleCodes.V3, path, "缺少项目编码。", "projectCode is missing.");
            return;
        }

        if (code.Length > MaxProjectCodeLength || !code.All(static c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            issues.Error(RuleCodes.V3, path,
                $"项目编码“{Quoted.Of(code)}”只能由数字和大写字母组成，且不超过 {MaxProjectCodeLength} 个字符。{HalfWidthHint(code)}",
                $"projectCode '{Quoted.Of(code)}' must be digits and capital letters only, at most {MaxProjectCodeLength} characters.");
            return;
        }

        var m = ProjectCodePattern().Match(code);
        if (!m.Success)
        {
            issues.Warning(RuleCodes.V4, path,
                $"项目编码“{Quoted.Of(code)}”不是常见格式（6 位区划 + 2 位年度 + 13 位编号，如 13030321WLCRBVUADKPT8）。",
                $"projectCode '{Quoted.Of(code)}' is not in the usual form (6-digit region + 2-digit year + 13-character serial).");
        }
        else if (fiscalYear is { } year && int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) != year % 100)
        {
            issues.Warning(RuleCodes.V4, path,
                $"项目编码中的年度“{m.Groups["year"].Value}”与预算年度 {year} 不一致（若为跨年延续项目可忽略）。",
                $"The year part '{m.Groups["year"].Value}' of projectCode differs from fiscalYear {year} (fine for a continuing project).");
        }
    }

    private static void CheckBudget(Budget? budget, string path, IssueCollector issues)
    {
        if (budget is null)
        {
            issues.Error(RuleCodes.V6, path, "缺少预算规模（预算数、财政资金、其他资金）。", "budget (total, fiscal, other) is missing.");
            return;
        }

        var total = CheckAmount(budget.Total, path + ".total", "预算数", required: true, issues);
        var fiscal = CheckAmount(budget.Fiscal, path + ".fiscal", "财政资金", required: true, issues);
        var other = CheckAmount(budget.Other, path + ".other", "其他资金", required: false, issues) ?? 0m;
        var otherUnknown = budget.Other is null && issues.IsBroken(path, ".other") || budget.Other is { } o && o != other;
        if (total is { } t && fiscal is { } f && !otherUnknown)
        {
            if (t != f + other)
            {
                issues.Error(RuleCodes.V7, path + ".total",
                    $"预算数 {Money(t)} 不等于财政资金 {Money(f)} + 其他资金 {Money(other)} = {Money(f + other)}。",
                    $"total {Money(t)} is not fiscal {Money(f)} + other {Money(other)} = {Money(f + other)}.");
            }
            else if (t == 0)
            {
                issues.Warning(RuleCodes.V8, path + ".total", "预算数为 0。", "The budget total is 0.");
            }
        }
    }

    private static decimal? CheckAmount(decimal? amount, string path, string label, bool required, IssueCollector issues)
    {
        if (amount is not { } value)
        {
            if (required)
            {
                issues.Error(RuleCodes.V6, path, $"缺少{label}。", $"{path[(path.LastIndexOf('.') + 1)..]} is missing.");
            }

            return null;
        }

        if (value < 0)
        {
            issues.Error(RuleCodes.V6, path, $"{label} {value} 不能为负数。", $"The amount {value} is negative.");
            return null;
        }

        if (value > MaxAmount)
        {
            issues.Error(RuleCodes.V6, path, $"{label} {value} 过大（上限 {Money(MaxAmount)}）；请检查是否多写了数字，或改用“万元”为金额单位。",
                $"The amount {value} is too large (the limit is {Money(MaxAmount)}); check for extra digits, or use 万元 as the amount unit.");
            return null;
        }

        if (!HasAtMostTwoDecimals(value))
        {
            var rounded = Money(Math.Round(value, 2, MidpointRounding.AwayFromZero));
            issues.Error(RuleCodes.V6, path, $"{label} {value} 超过两位小数（金额精确到分）：请写作 {rounded}。", $"The amount {value} has more than two decimals (amounts are in cents): write {rounded}.");
            return null;
        }

        return value;
    }

    private static void CheckGoals(IReadOnlyList<string>? goals, string path, IssueCollector issues)
    {
        if (goals is not { Count: > 0 })
        {
            issues.Error(RuleCodes.V29, path, "至少需要 1 条绩效目标。", "At least one goal is required.");
            return;
        }

        for (var i = 0; i < goals.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(goals[i]))
            {
                issues.Error(RuleCodes.V29, JsonPath.Index(path, i), $"第 {i + 1} 条绩效目标为空。", $"Goal {i + 1} is empty.");
            }
            else
            {
                TextRules.CheckItemNumber(goals[i], JsonPath.Index(path, i), issues);
            }
        }
    }

    internal static bool HasAtMostTwoDecimals(decimal value) => value == Math.Round(value, 2);

    internal static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[0-9]{6}(?<year>[0-9]{2})[0-9A-Z]{13}$")]
    private static partial Regex ProjectCodePattern();
}
