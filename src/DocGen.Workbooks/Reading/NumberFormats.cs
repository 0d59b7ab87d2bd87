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

    public static bool IsPercent(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\' or '_' or '*' when !quoted:
                    i++; // the next character is shown as it is (or is padding)
                    break;
                case '%' when !quoted:
                    return true;
                case ';' when !quoted:
                    return false; // only the format of positive numbers counts
            }
        }

        return false;
    }
}
