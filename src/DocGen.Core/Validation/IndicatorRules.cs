using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rules;

namespace DocGen.Core.Validation;

/// <summary>The indicator table of one project (V13–V22, and V29's minimum count).</summary>
internal static class IndicatorRules
{
    public const int MaxNameLength = 100;
    public const decimal SatisfactionFloor = 80m;
    private static readonly string[] s_placeholders = ["*", "_", "XX", "xx", "＊", "＿"];

    public static void Check(IReadOnlyList<Indicator>? indicators, IndicatorFramework? framework, string path, IssueCollector issues)
    {
        if (indicators is null || indicators.Count < ProjectRules.MinIndicators)
        {
            issues.Error(RuleCodes.V29, path, $"每个项目至少需要 {ProjectRules.MinIndicators} 个绩效指标，实际 {indicators?.Count ?? 0} 个。",
                $"A project needs at least {ProjectRules.MinIndicators} indicators; found {indicators?.Count ?? 0}.");
            if (indicators is null)
            {
                return;
            }
        }

        var names = new Dictionary<string, int>(indicators.Count, StringComparer.Ordinal);
        var categoriesKnown = true;
        for (var i = 0; i < indicators.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            var indicator = indicators[i];
            var (level1, level2) = CheckCategories(indicator, framework, itemPath, issues);
            categoriesKnown &= level1 is not null && level2 is not null && !issues.IsBroken(itemPath);
            CheckName(indicator.Name, names, i, itemPath, issues);
            CheckValue(indicator, level1, level2, itemPath, issues);
            if (string.IsNullOrWhiteSpace(indicator.Basis))
            {
                issues.Warning(RuleCodes.V22, itemPath + ".basis", "指标值确定依据为空；请说明依据（计划标准、行业标准、历史标准等）。",
                    "basis is empty; give the basis of the target (plan, industry or historical standard…).");
            }
            else if (indicator.Basis.Trim() == indicator.Description?.Trim())
            {
                issues.Warning(RuleCodes.V22, itemPath + ".basis", "指标值确定依据与绩效指标描述完全相同；请写明依据（计划标准、行业标准、历史标准等）。",
                    "basis repeats the description word for word; give the basis of the target (plan, industry or historical standard…).");
            }
        }

        // A category already reported as wrong (V13) or unreadable would make "missing category" a consequence.
        if (framework is not null && categoriesKnown)
        {
            CheckCoverage(indicators, framework, path, issues);
        }
    }

    private static (Level1Category? Level1, Level2Category? Level2) CheckCategories(Indicator indicator, IndicatorFramework? framework, string path, IssueCollector issues)
    {
        if (framework is null)
        {
            return (null, null);
        }

        var level1 = framework.FindLevel1(indicator.Level1);
        if (level1 is null)
        {
            issues.Error(RuleCodes.V13, path + ".level1",
                $"一级指标“{Quoted.Of(indicator.Level1)}”不属于指标体系“{framework.Title ?? framework.Name}”；可用：{string.Join("、", framework.Level1.Select(static l => l.Name))}。",
                $"level1 '{Quoted.Of(indicator.Level1)}' is not part of framework {framework.Name}.");
            return (null, null);
        }

        var level2 = level1.FindLevel2(indicator.Level2);
        if (level2 is null)
        {
            issues.Error(RuleCodes.V13, path + ".level2",
                $"二级指标“{Quoted.Of(indicator.Level2)}”不属于一级指标“{level1.Name}”；可用：{string.Join("、", level1.Level2.Select(static l => l.Name))}。",
                $"level2 '{Quoted.Of(indicator.Level2)}' does not belong to level1 '{level1.Name}'.");
        }

        return (level1, level2);
    }

    private static void CheckName(string? name, Dictionary<string, int> seen, int index, string itemPath, IssueCollector issues)
    {
        // The path is made only for a finding: most names are fine, and a table may have 10,000.
        if (string.IsNullOrWhiteSpace(name))
        {
            issues.Error(RuleCodes.V16, itemPath + ".name", "缺少三级指标名称。", "name is missing.");
            return;
        }

        if (name.Length > MaxNameLength && new System.Globalization.StringInfo(name).LengthInTextElements is var length && length > MaxNameLength)
        {
            issues.Error(RuleCodes.V16, itemPath + ".name", $"三级指标名称有 {length} 个字符，超过 {MaxNameLength}。", $"name has {length} characters, more than {MaxNameLength}.");
        }

        if (!seen.TryAdd(name, index))
        {
            issues.Warning(RuleCodes.V16, itemPath + ".name", $"三级指标“{Quoted.Of(name)}”与第 {seen[name] + 1} 个指标重名。", $"Indicator '{Quoted.Of(name)}' repeats indicator {seen[name] + 1}.");
        }
    }

    /// <summary>The first placeholder the text holds (a loop, not a lambda: it runs for every indicator).</summary>
    private static string? PlaceholderIn(string text)
    {
        foreach (var placeholder in s_placeholders)
        {
            if (text.Contains(placeholder, StringComparison.Ordinal))
            {
                return placeholder;
            }
        }

        return null;
    }

    private static void CheckValue(Indicator indicator, Level1Category? level1, Level2Category? level2, string path, IssueCollector issues)
    {
        if (indicator.ValueText is { } text && PlaceholderIn(text) is { } placeholder)
        {
            issues.Error(RuleCodes.V19, path + ".valueText", $"指标值“{Quoted.Of(text)}”含有占位符“{placeholder}”，请填写实际值。",
                $"valueText '{Quoted.Of(text)}' contains the placeholder '{placeholder}'; fill in the real value.");
        }

        if (issues.IsBroken(path, ".nature"))
        {
            return; // which of V17 and V18 applies is not known: either would report a consequence
        }

        if (indicator.Nature == IndicatorNature.Qualitative)
        {
            if (string.IsNullOrWhiteSpace(indicator.ValueText))
            {
                issues.Error(RuleCodes.V18, path + ".valueText", "定性指标须填写指标值（文字），如“达成目标”。", "A qualitative indicator needs valueText.");
            }

            if (indicator.Comparator is not null || indicator.Unit is not null)
            {
                issues.Error(RuleCodes.V18, path, "定性指标不填计算符号和计量单位。", "A qualitative indicator has no comparator or unit.");
            }

            return;
        }

        var comparator = Comparators.Normalize(indicator.Comparator);
        if (comparator is null)
        {
            var meant = ValueSlips.MeantComparator(indicator.Comparator);
            var (zh, en) = (indicator.Comparator, meant) switch
            {
                (null, _) => ("定量指标须填写计算符号（≥ ≤ ＝ ＞ ＜）。", "A quantitative indicator needs a comparator: ≥ ≤ ＝ ＞ ＜ (or >= <= = > <)."),
                (var typed, { } symbol) => ($"计算符号“{Quoted.Of(typed)}”应写作 {symbol}（也可写 {Ascii(symbol)}）。", $"The comparator '{Quoted.Of(typed)}' is not valid: write {symbol} (or {Ascii(symbol)})."),
                (var typed, null) => ($"计算符号“{Quoted.Of(typed)}”无效，应为 ≥ ≤ ＝ ＞ ＜ 之一（也可写 >= <= = > <）。", $"The comparator '{Quoted.Of(typed)}' is not valid: write one of ≥ ≤ ＝ ＞ ＜ (or >= <= = > <)."),
            };
            issues.Error(RuleCodes.V17, path + ".comparator", zh, en);
        }

        if (indicator.Value is null)
        {
            issues.Error(RuleCodes.V17, path + ".value", "定量指标须填写指标值（数字）。", "A quantitative indicator needs a numeric value.");
        }

        if (string.IsNullOrWhiteSpace(indicator.Unit))
        {
            issues.Error(RuleCodes.V17, path + ".unit", "定量指标须填写计量单位（如 %、个、元）。", "A quantitative indicator needs a unit (%, 个, 元…).");
        }

        if (comparator is null || indicator.Value is not { } value)
        {
            return;
        }

        var percent = indicator.Unit?.Trim() is "%" or "％";
        if (percent && value > 100)
        {
            issues.Warning(RuleCodes.V20, path + ".value", $"百分比指标值 {value}% 超过 100%。", $"The percentage {value}% is above 100%.");
        }

        if (percent && level1?.Satisfaction == true && value < SatisfactionFloor && !Comparators.IsUpperBound(comparator))
        {
            issues.Warning(RuleCodes.V20, path + ".value",
                $"满意度目标 {value}% 低于 {SatisfactionFloor}%。" + (value is > 0 and <= 1 ? $"若想写 {value * 100:0.##}%，请写 {value * 100:0.##}（百分数，不是小数）。" : ""),
                $"The satisfaction target {value}% is below {SatisfactionFloor}%." + (value is > 0 and <= 1 ? $" For {value * 100:0.##}%, write {value * 100:0.##} (a percentage, not a fraction)." : ""));
        }

        if ((level1?.Cost == true || level2?.Cost == true) && Comparators.IsLowerBound(comparator))
        {
            issues.Warning(RuleCodes.V21, path + ".comparator",
                $"成本指标使用了“{comparator}”（不低于）；成本通常是上限，应使用 ≤ 或 ＜（如 ≤30000 元）。",
                $"A cost indicator uses '{Quoted.Of(comparator)}' (at least); a cost is usually a ceiling: use ≤ or ＜.");
        }
    }

    private static string Ascii(string symbol) => symbol switch
    {
        Comparators.GreaterOrEqual => ">=",
        Comparators.LessOrEqual => "<=",
        Comparators.EqualTo => "=",
        Comparators.GreaterThan => ">",
        _ => "<",
    };

    /// <summary>V14 (required categories) and V15 (recommended ones) for one project, in one pass over its indicators.</summary>
    private static void CheckCoverage(IReadOnlyList<Indicator> indicators, IndicatorFramework framework, string path, IssueCollector issues)
    {
        var level1Count = framework.Level1.Count;
        var hasLevel1 = new bool[level1Count];
        var hasLevel2 = new bool[level1Count][];
        for (var l = 0; l < level1Count; l++)
        {
            hasLevel2[l] = new bool[framework.Level1[l].Level2.Count];
        }

        foreach (var indicator in indicators)
        {
            for (var l = 0; l < level1Count; l++)
            {
                var level1 = framework.Level1[l];
                if (!level1.Matches(indicator.Level1))
                {
                    continue;
                }

                hasLevel1[l] = true;
                for (var m = 0; m < level1.Level2.Count; m++)
                {
                    hasLevel2[l][m] |= level1.Level2[m].Matches(indicator.Level2);
                }
            }
        }

        for (var l = 0; l < level1Count; l++)
        {
            var level1 = framework.Level1[l];
            if (!hasLevel1[l])
            {
                if (level1.Required)
                {
                    issues.Error(RuleCodes.V14, path, $"缺少“{level1.Name}”下的指标（至少 1 个）。", $"No indicator under '{level1.Name}' (at least one is required).");
                }
                else if (level1.Recommended)
                {
                    issues.Warning(RuleCodes.V15, path, $"没有“{level1.Name}”下的指标。", $"No indicator under '{level1.Name}'.");
                }

                continue;
            }

            for (var m = 0; m < level1.Level2.Count; m++)
            {
                if (level1.Level2[m] is { Recommended: true } level2 && !hasLevel2[l][m])
                {
                    issues.Warning(RuleCodes.V15, path, $"“{level1.Name}”下缺少“{level2.Name}”。", $"'{level1.Name}' has no '{level2.Name}' indicator.");
                }
            }
        }
    }
}
