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

    public static (string Zh, string En) WholeNumberAsText(Shape.Member member, string typed, int meant, SlipWording wording) => wording == SlipWording.Cells
        ? ($"{Label(member)}应为整数，单元格中是文字“{Shorten(typed)}”：请把单元格格式设为“常规”后输入 {meant}。", $"Expected a whole number; the cell holds the text '{Shorten(typed)}': set the cell's format to General and type {meant}.")
        : ($"{Label(member)}应为整数，实际为“{Shorten(typed)}”：写作 {meant}（不加引号）。", $"Expected a whole number, found '{Shorten(typed)}': write {meant} (without quotes).");

    public static (string Zh, string En) NotANumber(Shape.Member member, string text, (string Zh, string En)? slip, SlipWording wording)
    {
        var (zh, en) = slip ?? (wording == SlipWording.Cells
            ? ("请在单元格中只填数字（如 30000.00，可带千分位）；单元格格式用“常规”或“数值”，不要用“文本”。", "Type only the number into the cell (such as 30000.00; separators allowed), in a cell formatted General or Number, not Text.")
            : ("只写数字，如 30000.00（不用科学计数法和千分位）。", "Write a plain number such as 30000.00 (no exponent, no thousands separator)."));
        return ($"{Label(member)}应为数字，实际为“{Shorten(text)}”。" + zh, $"Expected a number, found '{Shorten(text)}'. " + en);
    }

    public static (string Zh, string En) NotOneOf(Shape.Member member, Shape shape, string text, string? suggestion)
        => ($"{Label(member)}应为以下之一：{shape.EnumNames}，实际为“{Shorten(text)}”。" + (suggestion is null ? "" : $"您是否想写“{suggestion}”？"),
            $"Expected one of: {shape.EnumNames}; found '{Shorten(text)}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

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

    /// <summary>“计量单位：” from the member's description (<c>计量单位 unit, 如 …</c>).</summary>
    private static string Label(Shape.Member member)
        => member.Description is { } d && d.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? d[..space] + "：" : "";

    private static string Shorten(string s) => Quoted.Of(s);
}
