using DocGen.Workbooks.Reading;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>A date or time cell shows what Excel (zh-CN) shows: built-in formats by id, custom codes as Excel, WPS and LibreOffice write them.</summary>
public sealed class DateFormatTests
{
    [Theory]
    [InlineData(45991, 0u, "yyyy\"年\"m\"月\"d\"日\"", "2025年11月30日")]
    [InlineData(45991, 0u, "[$-804]yyyy\"年\"m\"月\"d\"日\";@", "2025年11月30日")]
    [InlineData(45658, 0u, "YYYY\"年\"M\"月\"D\"日\"", "2025年1月1日")] // LibreOffice writes the letters in capitals
    [InlineData(45658, 14u, null, "2025/1/1")]
    [InlineData(45658, 0u, "yyyy\\-mm\\-dd", "2025-01-01")]
    [InlineData(46024, 58u, null, "1月2日")] // “1/2” typed in a zh-CN Excel
    [InlineData(46024, 31u, null, "2026年1月2日")]
    [InlineData(45991.5, 22u, null, "2025/11/30 12:00")]
    [InlineData(0.75, 18u, null, "6:00 PM")]
    [InlineData(0.75, 20u, null, "18:00")]
    [InlineData(0.75, 32u, null, "18时00分")]
    [InlineData(0.75, 34u, null, "下午6时00分")]
    [InlineData(0.0034722222, 45u, null, "05:00")]
    [InlineData(1.5, 46u, null, "36:00:00")]
    [InlineData(45991, 0u, "yyyy/m/d aaaa", "2025/11/30 星期日")]
    [InlineData(45991, 0u, "d-mmm-yy", "30-Nov-25")]
    public void Show_WritesTheSerialAsTheCellShowsIt(double serial, uint id, string? code, string shown)
    {
        var format = DateFormat.Of(id, code);

        Assert.NotNull(format);
        Assert.Equal(shown, DateFormat.Show(serial, format, date1904: false));
    }

    [Fact]
    public void Show_InA1904Workbook_CountsFrom1904()
        => Assert.Equal("1904/1/2", DateFormat.Show(1, DateFormat.Of(14, null)!, date1904: true));

    [Theory]
    [InlineData(0u, null)]
    [InlineData(2u, null)]
    [InlineData(10u, null)]
    [InlineData(49u, null)]
    [InlineData(164u, "0.00%")]
    [InlineData(164u, "General")]
    [InlineData(164u, "#,##0.00\"元\"")]
    [InlineData(164u, "#,##0.00_);[Red](#,##0.00)")]
    [InlineData(164u, "0.00E+00")]
    [InlineData(164u, "@")]
    [InlineData(164u, "[DBNum1][$-804]General")]
    public void Of_NumberAndTextFormats_AreNotDates(uint id, string? code)
        => Assert.Null(DateFormat.Of(id, code));

    [Fact]
    public void Show_ASerialNoDateCanHave_IsNull()
    {
        Assert.Null(DateFormat.Show(-1, "yyyy/m/d", date1904: false));
        Assert.Null(DateFormat.Show(3_000_000, "yyyy/m/d", date1904: false));
    }
}
