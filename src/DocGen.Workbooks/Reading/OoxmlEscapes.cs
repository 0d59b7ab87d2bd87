using System.Globalization;
using System.Text;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// The escapes a workbook's strings carry (ECMA-376 ST_Xstring): a character XML cannot hold, or
/// that Excel chose to escape, is written <c>_xHHHH_</c> — a carriage return pasted from Word or
/// another system is <c>_x000D_</c> — and a literal <c>_x</c> is protected as <c>_x005F_x</c>.
/// The cell shows the character, so the document gets the character.
/// </summary>
internal static class OoxmlEscapes
{
    public static string Decode(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var decoded = new StringBuilder(text.Length);
        decoded.Append(text, 0, at);
        for (var i = at; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                decoded.Append((char)code);
                i += 6;
            }
            else
            {
                decoded.Append(text[i]);
            }
        }

        return decoded.ToString();
    }
}
