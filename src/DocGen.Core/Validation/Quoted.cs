using System.Globalization;
using System.Text;

namespace DocGen.Core.Validation;

/// <summary>
/// A submitter's value as a report quotes it: at most <see cref="MaxCharacters"/> characters (as a
/// person counts them), on one line, with "…" where it was cut. A report names a value so the
/// clerk can find it, and a value can be 20,000 characters: quoted whole, one file's reports ran
/// to hundreds of megabytes.
/// </summary>
public static class Quoted
{
    public const int MaxCharacters = 40;

    /// <summary>A bound in UTF-16 units too: one "character" can join thousands of code points (zero-width joiners).</summary>
    private const int MaxUtf16Units = 4 * MaxCharacters;

    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var simple = text.Length <= MaxCharacters && text.AsSpan().IndexOfAny('\r', '\n', '\t') < 0;
        if (simple)
        {
            return text;
        }

        var kept = new StringBuilder(MaxCharacters + 1);
        var elements = StringInfo.GetTextElementEnumerator(text);
        for (var count = 0; elements.MoveNext(); count++)
        {
            if (count == MaxCharacters)
            {
                return kept.Append('…').ToString();
            }

            var element = elements.GetTextElement();
            if (kept.Length + element.Length > MaxUtf16Units)
            {
                return kept.Append('…').ToString();
            }

            kept.Append(element is "\r" or "\n" or "\r\n" or "\t" ? " " : element);
        }

        return kept.ToString();
    }
}
