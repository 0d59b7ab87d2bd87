using System.Globalization;
using System.Text;

namespace DocGen.Core.Json;

/// <summary>
/// A position in a UTF-8 file as an editor shows it: line and column in characters (text
/// elements, so 𠀀 or an emoji is one), the text of that line, and a marker under the column
/// that lines up in a monospaced font (wide CJK characters padded with an ideographic space).
/// </summary>
public readonly record struct TextPosition(int Line, int Column, string LineText, string Marker)
{
    public static TextPosition At(ReadOnlySpan<byte> utf8, long byteOffset)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, utf8.Length);
        var lineStart = utf8[..offset].LastIndexOf((byte)'\n') + 1;
        var line = utf8[..lineStart].Count((byte)'\n') + 1;
        var lineEnd = utf8[lineStart..].IndexOf((byte)'\n') is var n and >= 0 ? lineStart + n : utf8.Length;
        var before = Encoding.UTF8.GetString(utf8[lineStart..offset]);
        var text = Encoding.UTF8.GetString(utf8[lineStart..lineEnd]).TrimEnd('\r');
        var marker = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(before);
        var column = 1;
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            marker.Append(element == "\t" ? "\t" : IsWide(element) ? "\u3000" : " ");
            column++;
        }

        return new TextPosition(line, column, text, marker.Append('^').ToString());
    }

    /// <summary>The line and the marker under the column, for a report.</summary>
    public string Excerpt => LineText.Length > 200 ? "" : LineText + "\n" + Marker;

    private static bool IsWide(string element)
    {
        var rune = Rune.GetRuneAt(element, 0).Value;
        return rune is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000;
    }
}
