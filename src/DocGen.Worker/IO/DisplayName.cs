using System.Globalization;
using System.Text;

namespace DocGen.Worker.IO;

/// <summary>
/// A name from outside (a file in the inbox, whose name anyone who can write there chooses) as a
/// person may be shown it: each character that is invisible or reorders the text around it is
/// written as <c>\uXXXX</c>. The status page shows names through it, so "<c>\u202Eexe.json</c>"
/// cannot pass for "nosj.exe", nor a name break a line. HTML or other encoding is the caller's.
/// </summary>
public static class DisplayName
{
    /// <summary><paramref name="name"/> with every <see cref="IsHidden"/> character escaped (the same string when it has none).</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var first = name.AsSpan().IndexOfAny(Hidden);
        if (first < 0)
        {
            return name;
        }

        var shown = new StringBuilder(name.Length + 16).Append(name, 0, first);
        foreach (var c in name.AsSpan(first))
        {
            if (IsHidden(c))
            {
                shown.Append(Escape(c));
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    /// <summary>
    /// Whether <paramref name="c"/> is shown escaped: a C0 control (tab and line feed included), DEL,
    /// a C1 control, a bidirectional mark, embedding, override or isolate (U+061C, U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069), or the line and paragraph separators (U+2028, U+2029).
    /// </summary>
    public static bool IsHidden(char c) => Hidden.Contains(c);

    /// <summary>How a hidden character is written: <c>\u202E</c>.</summary>
    public static string Escape(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    private static readonly System.Buffers.SearchValues<char> Hidden = System.Buffers.SearchValues.Create(
        [.. Range('\u0000', '\u001F'), .. Range('\u007F', '\u009F'), '\u061C', '\u200E', '\u200F', .. Range('\u2028', '\u202E'), .. Range('\u2066', '\u2069')]);

    private static IEnumerable<char> Range(char first, char last) => Enumerable.Range(first, last - first + 1).Select(static c => (char)c);
}
