using System.Text;
using DocGen.Core.Json;

namespace DocGen.Core.Tests.Json;

public sealed class TextDecodingTests
{
    [Fact]
    public void Utf8_WithOrWithoutBom_IsTakenAsIs()
    {
        var plain = Encoding.UTF8.GetBytes("{\"a\":\"中文\"}");

        Assert.Equal(plain, TextDecoding.ToUtf8(plain, out var f1).ToArray());
        Assert.Null(f1);
        Assert.Equal(plain, TextDecoding.ToUtf8((byte[])[0xEF, 0xBB, 0xBF, .. plain], out var f2).ToArray());
        Assert.Null(f2);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void UnicodeWithBom_IsTranscoded(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var bytes = (byte[])[.. encoding.GetPreamble(), .. encoding.GetBytes("中文 ok")];

        Assert.Equal("中文 ok", Encoding.UTF8.GetString(TextDecoding.ToUtf8(bytes, out var failure).Span));
        Assert.Null(failure);
    }

    [Fact]
    public void Utf16WithoutBom_IsRefusedByName()
    {
        TextDecoding.ToUtf8(Encoding.Unicode.GetBytes("{\"kind\":\"combined\"}"), out var failure);

        Assert.Contains("UTF-16", failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gbk_IsRecognisedOnlyToSaySaveAsUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        TextDecoding.ToUtf8(Encoding.GetEncoding("GB18030").GetBytes("{\"name\":\"区直机关工作委员会\"}"), out var failure);

        Assert.Contains("GBK", failure!.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_IsNotText()
    {
        TextDecoding.ToUtf8((byte[])[0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE, 0x00], out var failure);

        Assert.NotNull(failure);
    }
}
