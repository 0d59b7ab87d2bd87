using System.Text;
using HandlebarsDotNet;

namespace DocGen.Rendering.Engine;

/// <summary>
/// Encodes every value a template prints for the inside of a <c>w:t</c> element: XML escaping
/// (so <c>&lt;</c>, <c>&amp;</c> and <c>{{</c> in data print as typed), a line break for a newline, a
/// tab for a tab. Characters XML cannot hold are dropped (validation reports them first, D9).
/// </summary>
internal sealed class XmlTextEncoder : ITextEncoder
{
    public const string LineBreak = "</w:t><w:br/><w:t xml:space=\"preserve\">";
    public const string Tab = "</w:t><w:tab/><w:t xml:space=\"preserve\">";

    // One encoding, over a whole span: a CR LF or a surrogate pair must not be split between
    // pieces (a StringBuilder's chunks, characters one by one), or it prints two breaks or is lost.
    public void Encode(StringBuilder text, TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = text.GetChunks();
        if (chunks.MoveNext() && chunks.Current.Length == text.Length)
        {
            Encode(chunks.Current.Span, target);
        }
        else
        {
            Encode(text.ToString(), target);
        }
    }

    public void Encode(string text, TextWriter target) => Encode(text.AsSpan(), target);

    public void Encode<T>(T text, TextWriter target)
        where T : IEnumerator<char>
    {
        var whole = new StringBuilder();
        while (text.MoveNext())
        {
            whole.Append(text.Current);
        }

        Encode(whole.ToString(), target);
    }

    private static void Encode(ReadOnlySpan<char> text, TextWriter target)
    {
        var start = 0;
        var previousCr = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '<' or '>' or '&' or '\n' or '\r' or '\t' || c < ' ' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue; // a valid pair is ordinary text
                }

                target.Write(text[start..i]);
                previousCr = EncodeChar(c, previousCr, target);
                start = i + 1;
            }
            else
            {
                previousCr = false;
            }
        }

        target.Write(text[start..]);
    }

    /// <summary>Writes one special character; returns whether it was a CR (so CR LF makes one break).</summary>
    private static bool EncodeChar(char c, bool previousCr, TextWriter target)
    {
        switch (c)
        {
            case '<':
                target.Write("&lt;");
                return false;
            case '>':
                target.Write("&gt;");
                return false;
            case '&':
                target.Write("&amp;");
                return false;
            case '\r':
                target.Write(LineBreak);
                return true;
            case '\n':
                if (!previousCr)
                {
                    target.Write(LineBreak);
                }

                return false;
            case '\t':
                target.Write(Tab);
                return false;
            default:
                if (c >= ' ' && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'))
                {
                    target.Write(c);
                }

                return false;
        }
    }
}
