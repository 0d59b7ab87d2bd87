using System.Globalization;

namespace DocGen.Workbooks.Reading;

/// <summary>Cell text as a clerk means it: trimmed (also full-width and no-break spaces), line ends as \n; numbers as exact decimals.</summary>
internal static class CellText
{
    private static readonly char[] s_spaces = [' ', '\t', '\r', '\n', '\u3000', '\u00A0', '\uFEFF', '\u200B'];

    public static string Clean(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim(s_spaces);

    /// <summary>
    /// A stored number (the text of a double) as the decimal Excel shows: 15 significant digits,
    /// the most a double holds exactly, so 29999.999999999996 is 30000 and 0.30000000000000004
    /// is 0.3. Null when the text is not a number.
    /// </summary>
    public static string? Decimal(string stored)
    {
        if (!double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return null;
        }

        var shown = value.ToString("G15", CultureInfo.InvariantCulture);
        return decimal.TryParse(shown, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) ? Plain(exact) : shown;
    }

    /// <summary>A percent-formatted number in percent: 0.255 → 25.5 (exact, in decimal).</summary>
    public static string Percent(string number)
        => decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && Math.Abs(fraction) < 1e20m
            ? Plain(fraction * 100m)
            : number;

    /// <summary>The significant digits of a number in plain notation (“123456789012345000” → 18): more than 15 means Excel has already turned the rest into zeros.</summary>
    public static int SignificantDigits(string number) => number.TrimStart('-').Split('.')[0].TrimStart('0').Length;

    /// <summary>A number as Excel's General format shows it in a cell: from 12 digits on, in scientific notation (1.23457E+17).</summary>
    public static string General(string number)
        => decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) >= 1e11m
            ? ((double)value).ToString("0.#####E+00", CultureInfo.InvariantCulture)
            : number;

    /// <summary>A decimal in plain notation without trailing zeros (25.500 → 25.5).</summary>
    public static string Plain(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
