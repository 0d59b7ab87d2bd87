using System.Globalization;
using DocGen.Workbooks.Reading;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>A number shows what Excel (zh-CN) shows with its format, and says which number that text stands for.</summary>
public sealed class NumberDisplayTests
{
    [Theory]
    [InlineData("0.9", 9u, null, "90%", "0.9")]
    [InlineData("0.7777", 9u, null, "78%", "0.78")]
    [InlineData("0.955", 9u, null, "96%", "0.96")]
    [InlineData("0.255", 10u, null, "25.50%", "0.255")]
    [InlineData("30000.4", 3u, null, "30,000", "30000")]
    [InlineData("30000", 4u, null, "30,000.00", "30000")]
    [InlineData("1234567.891", 0u, "#,##0.00", "1,234,567.89", "1234567.89")]
    [InlineData("-1234.5", 4u, null, "-1,234.50", "-1234.5")]
    [InlineData("-1234.5", 39u, null, "(1,234.50)", "-1234.5")]
    [InlineData("0", 43u, null, "-", "0")] // 会计专用: zero shows as a dash
    [InlineData("1234.5", 43u, null, "1,234.50", "1234.5")]
    [InlineData("1234.5", 7u, null, "¥1,234.50", "1234.5")]
    [InlineData("1234.5", 0u, "[$¥-804]#,##0.00;[RED]\\-[$¥-804]#,##0.00", "¥1,234.50", "1234.5")]
    [InlineData("2025.4", 1u, null, "2025", "2025")]
    [InlineData("5", 0u, "000000", "000005", "5")]
    [InlineData("0.5", 0u, "#.00", ".50", "0.5")]
    [InlineData("1.5", 0u, "0.0#", "1.5", "1.5")]
    [InlineData("1.555", 0u, "0.0#", "1.56", "1.56")]
    [InlineData("12345678", 0u, "#,##0,", "12,346", "12346000")]
    [InlineData("90", 0u, "0\"%\"", "90%", "90")]
    [InlineData("123456", 0u, "0!.0000\"万元\"", "12.3456万元", "123456")] // "!" escapes as a backslash does: 万元 shown from 元
    [InlineData("123456.7", 0u, "0!.0000\"万元\"", "12.3457万元", "123457")]
    [InlineData("90", 0u, "0.0\"元\"", "90.0元", "90")]
    [InlineData("30000", 0u, "G/通用格式\"元\"", "30000元", "30000")]
    [InlineData("30000.4", 0u, "General", "30000.4", "30000.4")]
    [InlineData("12345", 11u, null, "1.23E+04", "12300")]
    [InlineData("0.00012", 11u, null, "1.20E-04", "0.00012")]
    [InlineData("12345", 48u, null, "12.3E+3", "12300")]
    [InlineData("1.5", 12u, null, "1 1/2", "1.5")]
    [InlineData("0.75", 13u, null, "3/4", "0.75")]
    [InlineData("3.14159", 0u, "# ???/???", "3 16/113", "3.1415929203539823008849557522")]
    [InlineData("0.0001", 12u, null, "0", "0")]
    [InlineData("0.3", 0u, "# ?/8", "2/8", "0.25")]
    [InlineData("150", 0u, "[>=100]\"高\"0;[<100]0", "高150", "150")]
    [InlineData("5", 0u, "\"已完成\"", "已完成", null)]
    [InlineData("286001", 49u, null, "286001", "286001")] // a number in a text-formatted cell shows as General
    [InlineData("30000.4", 0u, "@", "30000.4", "30000.4")]
    public void Show_WritesTheNumberAsTheCellShowsIt(string number, uint id, string? code, string text, string? value)
    {
        var shown = NumberDisplay.Of(NumberDisplay.CodeOf(id, code)).Show(decimal.Parse(number, CultureInfo.InvariantCulture));

        Assert.NotNull(shown);
        Assert.Equal(text, shown.Value.Text);
        Assert.Equal(value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture), shown.Value.Value);
    }

    [Fact]
    public void FractionThatRoundsTheNumber_StandsForTheFraction()
    {
        var shown = NumberDisplay.Of(NumberDisplay.CodeOf(13, null)).Show(0.333m)!.Value;

        Assert.Equal("1/3", shown.Text);
        Assert.NotEqual(0.333m, shown.Value);
    }

    [Fact]
    public void ChineseNumeralFormats_AreNotReproduced()
        => Assert.Null(NumberDisplay.Of("[DBNum1][$-804]General").Show(123m));

    [Theory]
    [InlineData("30", "@\"元\"", "30元")]
    [InlineData("好", "@", "好")]
    [InlineData("好", "0.00", "好")]
    [InlineData("好", "_ * #,##0_ ;_ * \\-#,##0_ ;_ * \"-\"_ ;_ @_ ", "好")]
    public void ShowText_AddsWhatTheTextSectionAdds(string text, string code, string shown)
        => Assert.Equal(shown, NumberDisplay.Of(code).ShowText(text));
}
