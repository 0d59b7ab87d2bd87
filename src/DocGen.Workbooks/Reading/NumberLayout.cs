using System.Globalization;
using System.Text;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// A number laid out in a format section's digits: fixed (digits, a decimal point, separators and
/// scaling commas), scientific, or a fraction; each returns the text and the value it shows.
/// Decimal arithmetic throughout, rounding half away from zero as Excel does.
/// </summary>
internal static class NumberLayout
{
    /// <summary>Digits, a decimal point, separators and scaling commas.</summary>
    internal static (string Text, decimal Shown) Fixed(List<FormatToken> tokens, decimal scaled)
    {
        var point = tokens.FindIndex(static t => t.Kind == FormatTokenKind.Point);
        var integerEnd = point >= 0 ? point : tokens.Count;
        var firstDigit = tokens.FindIndex(static t => t.Kind == FormatTokenKind.Digit);
        var lastIntegerDigit = tokens.FindLastIndex(integerEnd - 1, integerEnd, static t => t.Kind == FormatTokenKind.Digit);

        // A comma between digit placeholders groups thousands; one after the last divides by 1,000.
        var grouping = false;
        var scales = 0;
        for (var i = 0; i < integerEnd; i++)
        {
            if (tokens[i].Kind == FormatTokenKind.Comma && firstDigit >= 0 && i > firstDigit)
            {
                if (i < lastIntegerDigit)
                {
                    grouping = true;
                }
                else
                {
                    scales++;
                }
            }
        }

        var decimals = point < 0 ? 0 : tokens.Skip(point + 1).Count(static t => t.Kind == FormatTokenKind.Digit);
        var rounded = Math.Round(scaled / Pow10(3 * scales), Math.Min(decimals, 28), MidpointRounding.AwayFromZero);
        var text = new StringBuilder();
        WriteInteger(text, tokens.Take(integerEnd).ToList(), Math.Truncate(rounded), grouping);
        if (point >= 0)
        {
            WriteFraction(text, tokens.Skip(point).ToList(), rounded, decimals);
        }

        return (text.ToString(), rounded * Pow10(3 * scales));
    }

    /// <summary>The integer part: digits right to left over the placeholders, the leftmost taking what is left (0 pads with 0, ? with a space, # with nothing).</summary>
    internal static void WriteInteger(StringBuilder text, List<FormatToken> tokens, decimal integer, bool grouping)
    {
        var digits = integer == 0 ? "" : integer.ToString(CultureInfo.InvariantCulture);
        var placeholders = tokens.Where(static t => t.Kind == FormatTokenKind.Digit).ToList();
        if (grouping)
        {
            var zeros = placeholders.Count(static t => t.Text == "0");
            var padded = digits.PadLeft(zeros, '0');
            var grouped = new StringBuilder();
            for (var i = 0; i < padded.Length; i++)
            {
                if (i > 0 && (padded.Length - i) % 3 == 0)
                {
                    grouped.Append(',');
                }

                grouped.Append(padded[i]);
            }

            var first = tokens.FindIndex(static t => t.Kind == FormatTokenKind.Digit);
            foreach (var (token, i) in tokens.Select(static (t, i) => (t, i)))
            {
                text.Append(i == first ? grouped.ToString() : token.Kind == FormatTokenKind.Literal ? token.Text : "");
            }

            return;
        }

        var fill = new string[placeholders.Count];
        for (var k = 0; k < placeholders.Count; k++)
        {
            var at = digits.Length - 1 - k;
            var placeholder = placeholders[placeholders.Count - 1 - k].Text;
            fill[placeholders.Count - 1 - k] = at >= 0 ? digits[at].ToString() : placeholder switch { "0" => "0", "?" => " ", _ => "" };
        }

        if (placeholders.Count > 0 && digits.Length > placeholders.Count)
        {
            fill[0] = digits[..(digits.Length - placeholders.Count + 1)];
        }

        var next = 0;
        foreach (var token in tokens)
        {
            text.Append(token.Kind switch
            {
                FormatTokenKind.Digit => fill[next++],
                FormatTokenKind.Literal => token.Text,
                FormatTokenKind.Percent => "%",
                FormatTokenKind.Comma when next == 0 => ",",
                _ => "",
            });
        }
    }

    /// <summary>The point and the decimals: trailing zeros kept by 0, dropped by #, spaced by ?.</summary>
    internal static void WriteFraction(StringBuilder text, List<FormatToken> tokens, decimal rounded, int decimals)
    {
        var all = rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var digits = decimals == 0 ? "" : all[(all.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var placeholders = tokens.Where(static t => t.Kind == FormatTokenKind.Digit).Select(static t => t.Text).ToList();
        var fill = digits.Select(static c => c.ToString()).ToArray();
        for (var j = placeholders.Count - 1; j >= 0 && digits[j] == '0' && placeholders[j] != "0"; j--)
        {
            fill[j] = placeholders[j] == "?" ? " " : "";
        }

        var next = 0;
        foreach (var token in tokens)
        {
            text.Append(token.Kind switch
            {
                FormatTokenKind.Point => ".",
                FormatTokenKind.Digit => fill[next++],
                FormatTokenKind.Literal => token.Text,
                FormatTokenKind.Percent => "%",
                _ => "",
            });
        }
    }

    /// <summary>Scientific notation: the mantissa's placeholders, then E+ or E- and the exponent's (##0.0E+0 keeps exponents in threes).</summary>
    internal static (string Text, decimal Shown) Scientific(List<FormatToken> tokens, int exponentAt, decimal scaled)
    {
        var mantissaTokens = tokens.Take(exponentAt).ToList();
        var point = mantissaTokens.FindIndex(static t => t.Kind == FormatTokenKind.Point);
        var integerPlaces = Math.Max(1, mantissaTokens.Take(point >= 0 ? point : mantissaTokens.Count).Count(static t => t.Kind == FormatTokenKind.Digit));
        var engineering = integerPlaces > 1 && mantissaTokens.Any(static t => t is { Kind: FormatTokenKind.Digit, Text: "#" });
        var decimals = point < 0 ? 0 : mantissaTokens.Skip(point + 1).Count(static t => t.Kind == FormatTokenKind.Digit);
        var exponent = 0;
        var mantissa = 0m;
        if (scaled != 0)
        {
            exponent = (int)Math.Floor(Math.Log10((double)scaled));
            while (scaled >= Pow10(exponent + 1))
            {
                exponent++;
            }

            while (scaled < Pow10(exponent))
            {
                exponent--;
            }

            exponent = engineering ? (int)Math.Floor(exponent / (double)integerPlaces) * integerPlaces : exponent - (integerPlaces - 1);
            mantissa = Math.Round(scaled / Pow10(exponent), decimals, MidpointRounding.AwayFromZero);
            if (mantissa >= Pow10(integerPlaces))
            {
                exponent += engineering ? integerPlaces : 1;
                mantissa = Math.Round(scaled / Pow10(exponent), decimals, MidpointRounding.AwayFromZero);
            }
        }

        var text = new StringBuilder();
        WriteInteger(text, mantissaTokens.Take(point >= 0 ? point : mantissaTokens.Count).ToList(), Math.Truncate(mantissa), grouping: false);
        if (point >= 0)
        {
            WriteFraction(text, mantissaTokens.Skip(point).ToList(), mantissa, decimals);
        }

        var rest = tokens.Skip(exponentAt + 1).ToList();
        text.Append(tokens[exponentAt].Text[0]).Append(exponent < 0 ? "-" : tokens[exponentAt].Text[1] == '+' ? "+" : "");
        var width = rest.TakeWhile(static t => t.Kind == FormatTokenKind.Digit).Count(static t => t.Text == "0");
        text.Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
        text.Append(string.Concat(rest.SkipWhile(static t => t.Kind == FormatTokenKind.Digit).Select(static t => t.Kind == FormatTokenKind.Literal ? t.Text : "")));
        return (text.ToString(), mantissa * Pow10(exponent));
    }

    /// <summary>A fraction (# ?/?, # ??/??, # ?/8): the whole part, then the nearest fraction with as many denominator digits, or the fixed denominator.</summary>
    internal static (string Text, decimal Shown) Fraction(List<FormatToken> tokens, int slash, decimal scaled)
    {
        var numeratorStart = slash;
        while (numeratorStart > 0 && tokens[numeratorStart - 1].Kind == FormatTokenKind.Digit)
        {
            numeratorStart--;
        }

        var integerTokens = tokens.Take(numeratorStart).ToList();
        var hasInteger = integerTokens.Any(static t => t.Kind == FormatTokenKind.Digit);
        var after = tokens.Skip(slash + 1).ToList();
        var denominatorPlaces = after.TakeWhile(static t => t.Kind == FormatTokenKind.Digit).Count();
        var fixedTokens = denominatorPlaces > 0 ? 0 : after.TakeWhile(static t => t is { Kind: FormatTokenKind.Literal, Text: [var c] } && char.IsAsciiDigit(c)).Count();
        var fixedDenominator = fixedTokens > 0 && int.TryParse(string.Concat(after.Take(fixedTokens).Select(static t => t.Text)), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d > 0 ? d : 0;
        var whole = hasInteger ? Math.Truncate(scaled) : 0m;
        var part = scaled - whole;
        var (numerator, denominator) = fixedDenominator > 0
            ? ((int)Math.Round(part * fixedDenominator, MidpointRounding.AwayFromZero), fixedDenominator)
            : Nearest(part, (int)Math.Min(9999, Math.Pow(10, Math.Max(1, denominatorPlaces)) - 1));
        if (hasInteger && numerator == denominator)
        {
            (whole, numerator) = (whole + 1, 0);
        }

        var shown = whole + ((decimal)numerator / denominator);
        if (numerator == 0)
        {
            return (whole.ToString(CultureInfo.InvariantCulture), whole);
        }

        var text = new StringBuilder();
        if (hasInteger && whole != 0)
        {
            WriteInteger(text, integerTokens, whole, grouping: false);
        }

        text.Append(numerator.ToString(CultureInfo.InvariantCulture)).Append('/').Append(denominator.ToString(CultureInfo.InvariantCulture));
        text.Append(string.Concat(after.Skip(denominatorPlaces + fixedTokens).Select(static t => t.Kind == FormatTokenKind.Literal ? t.Text : "")));
        return (text.ToString(), shown);
    }

    /// <summary>The fraction nearest to <paramref name="part"/> (0 ≤ part &lt; 1, or more without a whole part) with a denominator up to <paramref name="maxDenominator"/>: continued fractions, the last step cut to the bound.</summary>
    internal static (int Numerator, int Denominator) Nearest(decimal part, int maxDenominator)
    {
        (long p0, long q0, long p1, long q1) = (0, 1, 1, 0);
        var rest = part;
        try
        {
            while (true)
            {
                var a = (long)Math.Floor(rest);
                if (q1 > 0 && a * q1 + q0 > maxDenominator)
                {
                    // The bound falls inside this step: the best of the last convergent and the furthest step within the bound.
                    var k = (maxDenominator - q0) / q1;
                    var (p, q) = (p0 + (k * p1), q0 + (k * q1));
                    return Math.Abs(part - ((decimal)p / q)) < Math.Abs(part - ((decimal)p1 / q1)) ? ((int)p, (int)q) : ((int)p1, (int)q1);
                }

                (p0, q0, p1, q1) = (p1, q1, (a * p1) + p0, (a * q1) + q0);
                if (rest == a || q1 >= maxDenominator)
                {
                    return ((int)p1, (int)q1);
                }

                rest = 1m / (rest - a);
            }
        }
        catch (OverflowException)
        {
            return ((int)p1, (int)Math.Max(1, q1));
        }
    }

    /// <summary>10 to a power, exact in decimal (throws past its range).</summary>
    internal static decimal Pow10(int power)
    {
        if (power < 0)
        {
            return power < -28 ? 0m : new decimal(1, 0, 0, false, (byte)-power);
        }

        var result = 1m;
        for (var i = 0; i < power; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
