using System.Globalization;
using System.Text;
using System.Text.Json;
using DocGen.Core.Rules;
using DocGen.Core.Validation;

namespace DocGen.Core.Json;

/// <summary>
/// What a report says of a value that cannot be read as its member needs (Chinese, English):
/// what was expected, what was found as the submitter typed it, and how to write it — in JSON's
/// words or, for a workbook, in cells' (<see cref="SlipWording"/>); and why a text cannot be kept.
/// </summary>
internal static class ValueExplanations
{
    public static (string Zh, string En) NotWhole(Shape.Member member, string raw)
        => ($"{Label(member)}应为整数，“{Quoted.Of(raw)}”{(raw.Contains('.', StringComparison.Ordinal) ? "有小数" : "太大")}。",
            $"Expected a whole number; {Quoted.Of(raw)} is {(raw.Contains('.', StringComparison.Ordinal) ? "not whole" : "too large")}.");

    public static (string Zh, string En) WholeNumberAsText(Shape.Member member, string typed, int meant, SlipWording wording)
    {
        // Full-width digits are the same slip in every field: the half-width hint, as an amount gets it.
        var (widthZh, widthEn) = ValueSlips.HasFullWidthCharacters(typed) ? ("请用半角数字", "use ASCII digits; ") : ("", "");
        return wording == SlipWording.Cells
            ? ($"{Label(member, wording)}应为整数，单元格中是文字“{Shorten(typed)}”：{(widthZh.Length > 0 ? widthZh + "，" : "请")}把单元格格式设为“常规”后输入 {meant}。", $"Expected a whole number; the cell holds the text '{Shorten(typed)}': {widthEn}set the cell's format to General and type {meant}.")
            : ($"{Label(member, wording)}应为整数，实际为“{Shorten(typed)}”：{(widthZh.Length > 0 ? widthZh + "，" : "")}写作 {meant}（不加引号）。", $"Expected a whole number, found '{Shorten(typed)}': {widthEn}write {meant} (without quotes).");
    }

    /// <summary>What a decimal member is for, so that advice on a slip in it fits it (<see cref="ValueSlips.ExplainDecimal"/>).</summary>
    public static SlipField FieldOf(Shape.Member member)
        => member.IsIndicatorValue ? SlipField.IndicatorValue
            : member.Property.AttributeProvider is System.Reflection.PropertyInfo { DeclaringType: var type } && (type == typeof(Model.SpendingCheckpoint) || type == typeof(Model.Grading)) ? SlipField.Percent
            : SlipField.Amount;

    public static (string Zh, string En) NotANumber(Shape.Member member, string text, (string Zh, string En)? slip, SlipWording wording)
    {
        var percent = FieldOf(member) == SlipField.Percent;
        var example = percent ? "25%" : FieldOf(member) == SlipField.IndicatorValue ? "90" : "30000.00";
        var (formats, formatsEn) = percent ? ("“百分比”或“常规”", "Percentage or General") : ("“常规”或“数值”", "General or Number");
        var (zh, en) = slip ?? (wording == SlipWording.Cells
            ? ($"请在单元格中只填数字（如 {example}，可带千分位）；单元格格式用{formats}，不要用“文本”。", $"Type only the number into the cell (such as {example}; separators allowed), in a cell formatted {formatsEn}, not Text.")
            : ($"只写数字，如 {example.TrimEnd('%')}（不用科学计数法和千分位）。", $"Write a plain number such as {example.TrimEnd('%')} (no exponent, no thousands separator)."));
        return ($"{Label(member, wording)}应为数字，实际为“{Shorten(text)}”。" + zh, $"Expected a number, found '{Shorten(text)}'. " + en);
    }

    /// <summary>A value that is none of its choices: in a workbook by the names its drop-down shows (定量、定性), in JSON by its values.</summary>
    public static (string Zh, string En) NotOneOf(Shape.Member member, Shape shape, string text, string? suggestion, SlipWording wording = SlipWording.Json)
    {
        if (wording == SlipWording.Cells)
        {
            var names = string.Join("、", shape.EnumValues!.Keys.Select(static v => ValueSlips.ChineseChoice(v) ?? v));
            var meant = suggestion is null ? null : ValueSlips.ChineseChoice(suggestion) ?? suggestion;
            return ($"{Label(member, wording)}应从下拉列表中选择：{names}，单元格中是“{Shorten(text)}”。" + (meant is null ? "" : $"您是否想选“{meant}”？"),
                $"Choose one of the drop-down's values: {names}; the cell holds '{Shorten(text)}'." + (meant is null ? "" : $" Did you mean '{meant}'?"));
        }

        return ($"{Label(member, wording)}应为以下之一：{shape.EnumNames}，实际为“{Shorten(text)}”。" + (suggestion is null ? "" : $"您是否想写“{suggestion}”？"),
            $"Expected one of: {shape.EnumNames}; found '{Shorten(text)}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));
    }

    /// <summary>A value of the wrong kind: what was expected, and the token found, described.</summary>
    public static (string Zh, string En) WrongKind(ref Utf8JsonReader reader, Shape.Member member, string expectedZh, string expectedEn)
    {
        var (foundZh, foundEn) = reader.TokenType switch
        {
            JsonTokenType.String => ($"“{Shorten(Text(ref reader))}”", $"the text '{Shorten(Text(ref reader))}'"),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => (Raw(ref reader), Raw(ref reader)),
            JsonTokenType.StartObject => ("对象 {…}", "an object {…}"),
            _ => ("数组 […]", "an array […]"),
        };
        return ($"{Label(member)}应为{expectedZh}，实际为 {foundZh}。", $"Expected {expectedEn}, found {foundEn}.");
    }

    /// <summary>Why a text cannot be kept (longer than the limit, counted as a person counts characters; a character a Word file cannot hold), or null.</summary>
    public static (string Code, string Zh, string En)? TextRefusal(string text, SubmissionLimits limits)
    {
        if (text.Length > limits.MaxStringLength && new StringInfo(text).LengthInTextElements is var length && length > limits.MaxStringLength)
        {
            return (RuleCodes.D8, $"文本长度 {length} 个字符，超过上限 {limits.MaxStringLength}。", $"The text is {length} characters long, more than the limit of {limits.MaxStringLength}.");
        }

        var bad = XmlText.FirstIllegalChar(text);
        return bad < 0 ? null : (RuleCodes.D9,
            $"文本第 {bad + 1} 个字符是控制字符 U+{(int)text[bad]:X4}，Word 文档无法保存此字符，请删除。",
            $"Character {bad + 1} is the control character U+{(int)text[bad]:X4}, which a Word document cannot hold; remove it.");
    }

    /// <summary>A string token's text, or its raw (still escaped) form when it holds an escape .NET cannot turn into a string (a lone surrogate).</summary>
    public static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return Raw(ref reader);
        }
    }

    /// <summary>A token as it stands in the file.</summary>
    public static string Raw(ref Utf8JsonReader reader)
        => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    /// <summary>
    /// “计量单位：” from the member's description (<c>计量单位 unit, 如 …</c>); in a workbook the
    /// label it has there where the two differ (累计支出比例, 绩效标准（优，%）).
    /// </summary>
    private static string Label(Shape.Member member, SlipWording wording = SlipWording.Json)
    {
        if (wording == SlipWording.Cells && member.Property.AttributeProvider is System.Reflection.PropertyInfo { DeclaringType: var type, Name: var name })
        {
            var label = type == typeof(Model.SpendingCheckpoint) ? "累计支出比例"
                : type == typeof(Model.Grading) && name is nameof(Model.Grading.Excellent) or nameof(Model.Grading.Good) or nameof(Model.Grading.Fair)
                    ? $"绩效标准（{name switch { nameof(Model.Grading.Excellent) => "优", nameof(Model.Grading.Good) => "良", _ => "中" }}，%）"
                : null;
            if (label is not null)
            {
                return label + "：";
            }
        }

        return member.Description is { } d && d.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? d[..space] + "：" : "";
    }

    private static string Shorten(string s) => Quoted.Of(s);
}
