namespace DocGen.Workbooks.Reading;

/// <summary>
/// Which number formats show a number as a percentage: the built-in formats 9 (0%) and 10 (0.00%),
/// and custom formats with a % outside quotes and escapes (<c>0.0%</c>, but not <c>0.00"%"</c>,
/// which shows a percent sign after the number as typed).
/// </summary>
internal static class NumberFormats
{
    /// <summary>Whether a number format (built-in <paramref name="id"/>, or a custom <paramref name="code"/>) shows a percentage.</summary>
    public static bool IsPercent(uint id, string? code) => code is null ? id is 9 or 10 : IsPercent(code);

    public static bool IsPercent(string? code) => code is not null && UnquotedIndexOf(FirstSection(code), '%') >= 0;

    /// <summary>The format of positive numbers: a code's text before its first unquoted <c>;</c>.</summary>
    public static string FirstSection(string code) => UnquotedIndexOf(code, ';') is var end and >= 0 ? code[..end] : code;

    /// <summary>
    /// Where <paramref name="target"/> stands in a format code outside quotes and escapes
    /// (<c>\x</c> and <c>!x</c>, and <c>_x</c> and <c>*x</c>, which pad with x), or -1.
    /// </summary>
    private static int UnquotedIndexOf(string code, char target)
    {
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && code[i] is '\\' or '!' or '_' or '*')
            {
                i++; // the next character is shown as it is (or is padding)
            }
            else if (!quoted && code[i] == target)
            {
                return i;
            }
        }

        return -1;
    }
}
