using System.Text;
using DocGen.Rendering.Engine;

namespace DocGen.Rendering.Tests.Engine;

public sealed class XmlTextEncoderTests
{
    // 𠀀 (U+20000, CJK Extension B) occurs in Chinese names: a surrogate pair in .NET strings.
    private const string Text = "甲𠀀乙\r\n丙<&>\t丁";
    private const string Expected = "甲𠀀乙" + XmlTextEncoder.LineBreak + "丙&lt;&amp;&gt;" + XmlTextEncoder.Tab + "丁";

    [Fact]
    public void String_IsEscapedWithLineBreaksAndTabs_AndKeepsCharactersBeyondTheBmp()
        => Assert.Equal(Expected, Encode(static (e, w) => e.Encode(Text, w)));

    [Fact]
    public void StringBuilderInManyChunks_EncodesLikeTheString()
    {
        // One character per append past a capacity of 1: a CR LF and a surrogate pair straddle chunks.
        var text = new StringBuilder(1, int.MaxValue);
        foreach (var c in Text)
        {
            text.Append(c);
        }

        Assert.Equal(Expected, Encode((e, w) => e.Encode(text, w)));
    }

    [Fact]
    public void CharacterEnumerator_EncodesLikeTheString()
        => Assert.Equal(Expected, Encode(static (e, w) => e.Encode(Text.GetEnumerator(), w)));

    private static string Encode(Action<XmlTextEncoder, TextWriter> encode)
    {
        using var writer = new StringWriter();
        encode(new XmlTextEncoder(), writer);
        return writer.ToString();
    }
}
