using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using DocGen.Core.Validation;

namespace DocGen.Core.Json;

/// <summary>
/// The common slips in numbers and comparators typed by hand, each with exactly what to write
/// instead: a unit or % inside a value, thousands separators, full-width digits, a comparator
/// written in words or with the wrong symbol.
/// </summary>
public static partial class ValueSlips
{
    private static readonly Dictionary<string, string> s_comparatorWords = new(StringComparer.Ordinal)
    {
        ["大于等于"] = "≥", ["大于或等于"] = "≥", ["不小于"] = "≥", ["不低于"] = "≥", ["≧"] = "≥", ["=>"] = "≥", ["≥="] = "≥", ["＞＝"] = "≥", ["＞="] = "≥", ["不少于"] = "≥", ["至少"] = "≥",
        ["小于等于"] = "≤", ["小于或等于"] = "≤", ["不大于"] = "≤", ["不高于"] = "≤", ["≦"] = "≤", ["=<"] = "≤", ["≤="] = "≤", ["＜＝"] = "≤", ["＜="] = "≤", ["不超过"] = "≤", ["不多于"] = "≤", ["至多"] = "≤",
        ["等于"] = "＝", ["=="] = "＝", ["＝＝"] = "＝",
        ["大于"] = "＞", ["高于"] = "＞", ["超过"] = "＞", ["多于"] = "＞",
        ["小于"] = "＜", ["低于"] = "＜", ["少于"] = "＜",
    };

    private static readonly Dictionary<string, string> s_enumWords = new(StringComparer.Ordinal)
    {
        ["定量"] = "quantitative", ["定性"] = "qualitative",
        ["部门整体绩效目标"] = "departmentOverall", ["部门整体"] = "departmentOverall", ["预算项目绩效目标表"] = "projectGoalTable",
        ["项目绩效目标表"] = "projectGoalTable", ["预算项目"] = "projectGoalTable", ["两者"] = "combined", ["两者都有"] = "combined", ["全部"] = "combined",
    };

    /// <summary>The choices' names in a workbook (its drop-downs), by their JSON values.</summary>
    private static readonly Dictionary<string, string> s_chineseChoices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["quantitative"] = "定量", ["qualitative"] = "定性",
        ["departmentOverall"] = "部门整体绩效目标", ["projectGoalTable"] = "预算项目绩效目标表", ["combined"] = "两者都有",
    };

    /// <summary>The value of a choice a clerk meant by its Chinese name (定性 → qualitative), or null.</summary>
    public static string? MeantEnumValue(string? typed) => typed is null ? null : s_enumWords.GetValueOrDefault(typed.Trim());

    /// <summary>The comparator a clerk meant by a word or a wrong symbol (大于等于 → ≥), or null.</summary>
    public static string? MeantComparator(string? typed)
        => typed is null ? null : s_comparatorWords.GetValueOrDefault(typed.Trim().Replace(" ", "", StringComparison.Ordinal));

    /// <summary>The name a choice has in a workbook's drop-down (qualitative → 定性), or null for a value that is not a choice.</summary>
    public static string? ChineseChoice(string value) => s_chineseChoices.GetValueOrDefault(value);

    /// <summary>The whole number a clerk meant by a text (“2025”, “2025年”, full-width “２０２５”, “二〇二五”, “九十”), or null.</summary>
    public static int? MeantWholeNumber(string typed)
    {
        var text = ToHalfWidthDigits(typed.Trim()).TrimEnd('年');
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var meant) ? meant : ChineseNumber(text);
    }

    /// <summary>Whether a text has full-width digits, letters or a full-width point or minus (“２０２５”, “Ｃ２０２５”): each has a half-width one it stands for.</summary>
    public static bool HasFullWidthCharacters(string text) => text.Any(static c => c is (>= '０' and <= '９') or (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ') or '．' or '－');

    /// <summary>A text with its full-width digits, letters, point and minus made half-width (“Ｃ２０２５” → “C2025”).</summary>
    public static string ToHalfWidth(string text)
        => new([.. text.Select(static c => c is (>= '０' and <= '９') or (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ') or '．' or '－' ? (char)(c - 0xFEE0) : c)]);

    /// <summary>
    /// Why a value is not a plain decimal, and what to write instead (Chinese, English), or null
    /// when nothing specific is recognised; the advice fits <paramref name="field"/> (a unit or %
    /// in an indicator's value belongs in its unit; a “25%” typed as text in a percentage cell
    /// needs a percent cell) and speaks to whom <paramref name="wording"/> says.
    /// </summary>
    public static (string Zh, string En, bool UnitInValue)? ExplainDecimal(string text, SlipField field, SlipWording wording = SlipWording.Json)
    {
        var cells = wording == SlipWording.Cells;
        var trimmed = text.Trim();
        if (ChineseNumber(trimmed) is { } arabic)
        {
            return ($"请用阿拉伯数字：写作 {arabic}。", $"Use digits: write {arabic}.", false);
        }

        var halfWidth = ToHalfWidthDigits(trimmed);
        if (halfWidth != trimmed && IsPlain(halfWidth))
        {
            return ($"请用半角数字：写作 {halfWidth}（不要用全角数字“{Quoted.Of(trimmed)}”）。", $"Use ASCII digits: write {halfWidth}.", false);
        }

        var withoutSeparators = halfWidth.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (withoutSeparators != halfWidth && IsPlain(withoutSeparators))
        {
            // In a workbook the separators are fine in a number cell: the cell was text, so the number was kept as text.
            return cells
                ? ($"这个单元格是“文本”格式，数字被当作文字保存了：请把单元格格式设为“数值”或“常规”后重新输入 {halfWidth}。", $"The cell is formatted as Text, so the number was kept as text: set its format to Number or General and type {halfWidth} again.", false)
                : ($"数字不要写千分位逗号：写作 {withoutSeparators}。", $"Write numbers without thousands separators: {withoutSeparators}.", false);
        }

        if (field == SlipField.IndicatorValue && ComparatorPrefix().Match(halfWidth) is { Success: true } prefixed && IsPlain(prefixed.Groups[2].Value))
        {
            var symbol = Model.Comparators.Normalize(prefixed.Groups[1].Value) ?? MeantComparator(prefixed.Groups[1].Value) ?? prefixed.Groups[1].Value;
            return cells
                ? ($"计算符号不要写在指标值里：“计算符号”列选 {symbol}，“指标值”只填 {prefixed.Groups[2].Value}。", $"The comparator does not belong in the value: choose {symbol} in the 计算符号 column and type {prefixed.Groups[2].Value} in 指标值.", false)
                : ($"计算符号不要写在指标值里：comparator 写 {symbol}，value 写 {prefixed.Groups[2].Value}。", $"The comparator does not belong in the value: put {symbol} in comparator and {prefixed.Groups[2].Value} in value.", false);
        }

        if (NumberAndUnit().Match(withoutSeparators) is { Success: true } m && IsPlain(m.Groups[1].Value))
        {
            var number = m.Groups[1].Value;
            var unit = m.Groups[2].Value.Trim();
            var percentSign = unit is "%" or "％";
            return (field, cells) switch
            {
                (SlipField.IndicatorValue, true) => ($"指标值只填数字 {number}，单位“{Quoted.Of(unit)}”填在“计量单位”列。", $"Type only {number} in 指标值 and put {Quoted.Of(unit)} in the 计量单位 column.", true),
                (SlipField.IndicatorValue, false) => ($"指标值只写数字：value 写 {number}，计量单位 unit 写 {unit}。", $"The value is a number only: put {number} in value and {unit} in unit.", true),
                (SlipField.Percent, true) when percentSign => ($"这个单元格是“文本”格式，百分数被当作文字保存了：请把单元格格式设为“百分比”（或“常规”）后重新输入 {number}%。", $"The cell is formatted as Text, so the percentage was kept as text: set its format to Percentage (or General) and type {number}% again.", false),
                (SlipField.Percent, true) => ($"这里填百分数，如 {number}%，不带其他单位“{Quoted.Of(unit)}”。", $"Type a percentage such as {number}%, without the unit {Quoted.Of(unit)}.", false),
                (SlipField.Percent, false) => ($"百分比只写数字，不带 % 或单位：写作 {number}（表示 {number}%）。", $"A percentage is its number only, without % or a unit: write {number} (meaning {number}%).", false),
                (_, true) => ($"金额只填数字 {number}，不带单位或符号（金额单位在“基本信息”的“金额单位”中选择）。", $"Type only the number {number}, without unit or sign (the amount unit is chosen in 基本信息, 金额单位).", false),
                _ => ($"金额只写数字，不带单位或符号：写作 {number}（金额单位见 amountUnit）。", $"An amount is a number only, without unit or symbol: write {number} (the unit is amountUnit).", false),
            };
        }

        if (field == SlipField.Amount && CurrencyPrefix().Match(withoutSeparators) is { Success: true } c && IsPlain(c.Groups[1].Value))
        {
            return ($"金额不要写货币符号：写作 {c.Groups[1].Value}。", $"Write the amount without a currency sign: {c.Groups[1].Value}.", false);
        }

        if (decimal.TryParse(withoutSeparators, NumberStyles.Float, CultureInfo.InvariantCulture, out var exponent) && IsPlain(exponent.ToString(CultureInfo.InvariantCulture)))
        {
            return ($"不要用科学计数法：写作 {exponent.ToString(CultureInfo.InvariantCulture)}。", $"Do not use an exponent: write {exponent.ToString(CultureInfo.InvariantCulture)}.", false);
        }

        if (withoutSeparators.TrimStart('-').All(char.IsAsciiDigit) && withoutSeparators.Length > 28)
        {
            return ("数字过大。", "The number is too large.", false);
        }

        return null;
    }

    /// <summary>A whole number written in Chinese numerals (九十, 一百, 二十五), or null.</summary>
    public static int? ChineseNumber(string text)
    {
        const string Digits = "零一二三四五六七八九";
        if (text.Length == 0 || text.Any(static c => Digits.IndexOf(c, StringComparison.Ordinal) < 0 && c is not ('十' or '百' or '〇' or '两')))
        {
            return null;
        }

        int total = 0, current = 0;
        foreach (var c in text)
        {
            var digit = c is '〇' ? 0 : c is '两' ? 2 : Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                current = current * 10 + digit;
            }
            else
            {
                total += Math.Max(current, 1) * (c == '百' ? 100 : 10);
                current = 0;
            }
        }

        return total + current;
    }

    private static bool IsPlain(string text) => FlexibleDecimalConverter.TryParse(text, out _);

    private static string ToHalfWidthDigits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c == '．' ? '.' : c == '－' ? '-' : c);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(-?[0-9]+(?:\.[0-9]+)?)\s*([%％]|[\p{IsCJKUnifiedIdeographs}a-zA-Z/]+)$")]
    private static partial Regex NumberAndUnit();

    [GeneratedRegex(@"^[¥￥$＄]\s*(-?[0-9]+(?:\.[0-9]+)?)$")]
    private static partial Regex CurrencyPrefix();

    [GeneratedRegex(@"^(>=|<=|=>|=<|≥|≤|≧|≦|＞|＜|＝|>|<|=)\s*(-?[0-9]+(?:\.[0-9]+)?)[%％]?$")]
    private static partial Regex ComparatorPrefix();
}
