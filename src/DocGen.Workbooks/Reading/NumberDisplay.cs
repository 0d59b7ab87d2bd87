using System.Globalization;
using System.Text;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// A number format (not a date's: <see cref="DateFormat"/>), parsed once, and a number or a text
/// as Excel shows it with it: sections for positive, negative and zero values and text
/// (<c>0;(0);"-";@</c>), conditions (<c>[&gt;=100]</c>), digit placeholders <c>0 # ?</c>, the
/// decimal point, thousands separators and scaling commas, percent, scientific notation,
/// fractions, quoted and escaped literals, currency and locale tags (<c>[$¥-804]</c>), General
/// (also WPS's <c>G/通用格式</c>); colours, padding and fill are left out. Rounding is half away
/// from zero on the decimal Excel shows (15 significant digits), as Excel rounds.
/// </summary>
internal sealed class NumberDisplay
{
    /// <summary>The built-in number formats that are not dates, as a zh-CN Excel shows them.</summary>
    private static readonly Dictionary<uint, string> s_builtIn = new()
    {
        [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00",
        [5] = "\"¥\"#,##0;\"¥\"\\-#,##0", [6] = "\"¥\"#,##0;[Red]\"¥\"\\-#,##0",
        [7] = "\"¥\"#,##0.00;\"¥\"\\-#,##0.00", [8] = "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00",
        [9] = "0%", [10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ??/??",
        [37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;[Red](#,##0)", [39] = "#,##0.00;(#,##0.00)", [40] = "#,##0.00;[Red](#,##0.00)",
        [41] = "_ * #,##0_ ;_ * \\-#,##0_ ;_ * \"-\"_ ;_ @_ ", [42] = "_ \"¥\"* #,##0_ ;_ \"¥\"* \\-#,##0_ ;_ \"¥\"* \"-\"_ ;_ @_ ",
        [43] = "_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * \"-\"??_ ;_ @_ ", [44] = "_ \"¥\"* #,##0.00_ ;_ \"¥\"* \\-#,##0.00_ ;_ \"¥\"* \"-\"??_ ;_ @_ ",
        [48] = "##0.0E+0", [49] = "@",
    };

    /// <summary>The sections of the code; none for General.</summary>
    private readonly List<Section> _sections;

    /// <summary>The text section's tokens, or null when text shows as it is.</summary>
    private readonly List<Token>? _textSection;

    private NumberDisplay(string? code)
    {
        var sections = code is null ? [] : Split(code);
        _sections = [.. sections.Select(Parse)];
        _textSection = sections.Count >= 4 ? _sections[3].Tokens
            : sections.Count == 1 && _sections[0].Tokens.Any(static t => t.Kind == Kind.Text) ? _sections[0].Tokens
            : null;
    }

    /// <summary>General: a number as the formula bar shows it, text as it is.</summary>
    public static NumberDisplay General { get; } = new(null);

    /// <summary>A style's format code: its custom code, or a built-in one's; null for General (and for ids Excel does not define, which it shows as General).</summary>
    public static string? CodeOf(uint id, string? code) => code ?? s_builtIn.GetValueOrDefault(id);

    /// <summary>A format code parsed (null: General).</summary>
    public static NumberDisplay Of(string? code) => code is null ? General : new NumberDisplay(code);

    /// <summary>
    /// The number as the format shows it; null when the format is one this does not reproduce
    /// (Chinese numerals, <c>[DBNum1]</c>) or the number is beyond a decimal's range in it.
    /// </summary>
    public ShownNumber? Show(decimal value)
    {
        if (_sections.Count == 0)
        {
            return new ShownNumber(CellText.Plain(value), value);
        }

        if (_sections.Any(static s => s.Unsupported))
        {
            return null;
        }

        var (section, signed) = Choose(_sections, value);
        if (section.Tokens.Any(static t => t.Kind == Kind.Text) && !section.Tokens.Any(static t => t.Kind is Kind.Digit or Kind.General))
        {
            return new ShownNumber(CellText.Plain(value), value); // a text format (@): a number in it shows as General
        }

        try
        {
            var shown = Format(section, Math.Abs(value), value < 0 && signed);
            if (shown.Value is null && value == 0 && !ReferenceEquals(section, _sections[0]))
            {
                shown = shown with { Value = 0 }; // a zero section may show zero as it likes (会计专用 shows “-”)
            }

            return shown with { Text = shown.Text.Trim(), Value = value < 0 ? -shown.Value : shown.Value };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A text cell as the format shows it: the text section's literals around the text (<c>@"元"</c>), or the text alone.</summary>
    public string ShowText(string text)
    {
        if (_textSection is null)
        {
            return text;
        }

        var shown = new StringBuilder();
        foreach (var token in _textSection)
        {
            shown.Append(token.Kind switch
            {
                Kind.Text => text,
                Kind.Literal => token.Text,
                _ => "",
            });
        }

        return shown.ToString().Trim();
    }

    /// <summary>The section for a value, and whether a minus sign is written before it (only the first section's, or a condition's that takes negatives, shows it).</summary>
    private static (Section Section, bool Signed) Choose(List<Section> sections, decimal value)
    {
        if (sections.Any(static s => s.Condition is not null))
        {
            for (var i = 0; i < Math.Min(2, sections.Count); i++)
            {
                if (sections[i].Condition is { } condition && condition.Holds(value))
                {
                    return (sections[i], !condition.IsBelow);
                }
            }

            var rest = sections.Where(static s => s.Condition is null).ToList();
            return rest.Count > 0 ? (rest[0], true) : (sections[^1], true);
        }

        return value switch
        {
            < 0 when sections.Count >= 2 => (sections[1], false),
            0 when sections.Count >= 3 => (sections[2], false),
            _ => (sections[0], true),
        };
    }

    private static ShownNumber Format(Section section, decimal magnitude, bool minus)
    {
        var tokens = section.Tokens;
        var sign = minus ? "-" : "";
        if (tokens.Any(static t => t.Kind == Kind.General))
        {
            var text = string.Concat(tokens.Select(t => t.Kind switch { Kind.General => CellText.Plain(magnitude), Kind.Literal => t.Text, Kind.Percent => "%", _ => "" }));
            return new ShownNumber(sign + text, magnitude);
        }

        if (!tokens.Any(static t => t.Kind == Kind.Digit))
        {
            return new ShownNumber(string.Concat(tokens.Select(static t => t.Kind switch { Kind.Literal => t.Text, Kind.Percent => "%", Kind.Point => ".", _ => "" })), null);
        }

        var percents = tokens.Count(static t => t.Kind == Kind.Percent);
        var scaled = magnitude * Pow10(2 * percents);
        var exponent = tokens.FindIndex(static t => t.Kind == Kind.Exponent);
        var slash = tokens.FindIndex(static t => t.Kind == Kind.Slash);
        var (digits, shown) = exponent >= 0 ? Scientific(tokens, exponent, scaled)
            : slash > 0 && tokens.Take(slash).Any(static t => t.Kind == Kind.Digit) ? Fraction(tokens, slash, scaled)
            : Fixed(tokens, scaled);
        return new ShownNumber(sign + digits, shown / Pow10(2 * percents));
    }

    /// <summary>Digits, a decimal point, separators and scaling commas.</summary>
    private static (string Text, decimal Shown) Fixed(List<Token> tokens, decimal scaled)
    {
        var point = tokens.FindIndex(static t => t.Kind == Kind.Point);
        var integerEnd = point >= 0 ? point : tokens.Count;
        var firstDigit = tokens.FindIndex(static t => t.Kind == Kind.Digit);
        var lastIntegerDigit = tokens.FindLastIndex(integerEnd - 1, integerEnd, static t => t.Kind == Kind.Digit);

        // A comma between digit placeholders groups thousands; one after the last divides by 1,000.
        var grouping = false;
        var scales = 0;
        for (var i = 0; i < integerEnd; i++)
        {
            if (tokens[i].Kind == Kind.Comma && firstDigit >= 0 && i > firstDigit)
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

        var decimals = point < 0 ? 0 : tokens.Skip(point + 1).Count(static t => t.Kind == Kind.Digit);
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
    private static void WriteInteger(StringBuilder text, List<Token> tokens, decimal integer, bool grouping)
    {
        var digits = integer == 0 ? "" : integer.ToString(CultureInfo.InvariantCulture);
        var placeholders = tokens.Where(static t => t.Kind == Kind.Digit).ToList();
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

            var first = tokens.FindIndex(static t => t.Kind == Kind.Digit);
            foreach (var (token, i) in tokens.Select(static (t, i) => (t, i)))
            {
                text.Append(i == first ? grouped.ToString() : token.Kind == Kind.Literal ? token.Text : "");
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
                Kind.Digit => fill[next++],
                Kind.Literal => token.Text,
                Kind.Percent => "%",
                Kind.Comma when next == 0 => ",",
                _ => "",
            });
        }
    }

    /// <summary>The point and the decimals: trailing zeros kept by 0, dropped by #, spaced by ?.</summary>
    private static void WriteFraction(StringBuilder text, List<Token> tokens, decimal rounded, int decimals)
    {
        var all = rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var digits = decimals == 0 ? "" : all[(all.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var placeholders = tokens.Where(static t => t.Kind == Kind.Digit).Select(static t => t.Text).ToList();
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
                Kind.Point => ".",
                Kind.Digit => fill[next++],
                Kind.Literal => token.Text,
                Kind.Percent => "%",
                _ => "",
            });
        }
    }

    /// <summary>Scientific notation: the mantissa's placeholders, then E+ or E- and the exponent's (##0.0E+0 keeps exponents in threes).</summary>
    private static (string Text, decimal Shown) Scientific(List<Token> tokens, int exponentAt, decimal scaled)
    {
        var mantissaTokens = tokens.Take(exponentAt).ToList();
        var point = mantissaTokens.FindIndex(static t => t.Kind == Kind.Point);
        var integerPlaces = Math.Max(1, mantissaTokens.Take(point >= 0 ? point : mantissaTokens.Count).Count(static t => t.Kind == Kind.Digit));
        var engineering = integerPlaces > 1 && mantissaTokens.Any(static t => t is { Kind: Kind.Digit, Text: "#" });
        var decimals = point < 0 ? 0 : mantissaTokens.Skip(point + 1).Count(static t => t.Kind == Kind.Digit);
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
        var width = rest.TakeWhile(static t => t.Kind == Kind.Digit).Count(static t => t.Text == "0");
        text.Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
        text.Append(string.Concat(rest.SkipWhile(static t => t.Kind == Kind.Digit).Select(static t => t.Kind == Kind.Literal ? t.Text : "")));
        return (text.ToString(), mantissa * Pow10(exponent));
    }

    /// <summary>A fraction (# ?/?, # ??/??, # ?/8): the whole part, then the nearest fraction with as many denominator digits, or the fixed denominator.</summary>
    private static (string Text, decimal Shown) Fraction(List<Token> tokens, int slash, decimal scaled)
    {
        var numeratorStart = slash;
        while (numeratorStart > 0 && tokens[numeratorStart - 1].Kind == Kind.Digit)
        {
            numeratorStart--;
        }

        var integerTokens = tokens.Take(numeratorStart).ToList();
        var hasInteger = integerTokens.Any(static t => t.Kind == Kind.Digit);
        var after = tokens.Skip(slash + 1).ToList();
        var denominatorPlaces = after.TakeWhile(static t => t.Kind == Kind.Digit).Count();
        var fixedTokens = denominatorPlaces > 0 ? 0 : after.TakeWhile(static t => t is { Kind: Kind.Literal, Text: [var c] } && char.IsAsciiDigit(c)).Count();
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
        text.Append(string.Concat(after.Skip(denominatorPlaces + fixedTokens).Select(static t => t.Kind == Kind.Literal ? t.Text : "")));
        return (text.ToString(), shown);
    }

    /// <summary>The fraction nearest to <paramref name="part"/> (0 ≤ part &lt; 1, or more without a whole part) with a denominator up to <paramref name="maxDenominator"/>: continued fractions, the last step cut to the bound.</summary>
    private static (int Numerator, int Denominator) Nearest(decimal part, int maxDenominator)
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
    private static decimal Pow10(int power)
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

    /// <summary>A code's sections, split at the semicolons outside quotes, escapes and brackets.</summary>
    private static List<string> Split(string code)
    {
        var sections = new List<string>();
        var start = 0;
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"' when !bracket:
                    quoted = !quoted;
                    break;
                case '\\' or '!' or '_' or '*' when !quoted && !bracket: // "!" escapes the next character as a backslash does (0!.0000"万元")
                    i++;
                    break;
                case '[' when !quoted:
                    bracket = true;
                    break;
                case ']' when !quoted:
                    bracket = false;
                    break;
                case ';' when !quoted && !bracket:
                    sections.Add(code[start..i]);
                    start = i + 1;
                    break;
            }
        }

        sections.Add(code[start..]);
        return sections;
    }

    private static Section Parse(string section)
    {
        var tokens = new List<Token>();
        Condition? condition = null;
        var unsupported = false;
        var point = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            switch (c)
            {
                case '"':
                    var end = section.IndexOf('"', i + 1);
                    end = end < 0 ? section.Length : end;
                    tokens.Add(new Token(Kind.Literal, section[(i + 1)..end]));
                    i = end;
                    break;
                case '\\' or '!':
                    if (i + 1 < section.Length)
                    {
                        tokens.Add(new Token(Kind.Literal, section[++i].ToString()));
                    }

                    break;
                case '_':
                    tokens.Add(new Token(Kind.Literal, " ")); // the width of the next character, as a space
                    i++;
                    break;
                case '*':
                    i++; // fills the cell with the next character: nothing a reader takes in
                    break;
                case '[':
                    var close = section.IndexOf(']', i + 1);
                    close = close < 0 ? section.Length : close;
                    var inside = section[(i + 1)..close];
                    if (inside.StartsWith("DBNum", StringComparison.OrdinalIgnoreCase) || inside.StartsWith("NatNum", StringComparison.OrdinalIgnoreCase))
                    {
                        unsupported = true; // Chinese numerals: 一百二十三
                    }
                    else if (inside.StartsWith('$'))
                    {
                        var dash = inside.IndexOf('-', StringComparison.Ordinal);
                        tokens.Add(new Token(Kind.Literal, dash < 0 ? inside[1..] : inside[1..dash]));
                    }
                    else if (Condition.Parse(inside) is { } parsed)
                    {
                        condition = parsed;
                    }

                    i = close;
                    break;
                case '0' or '#' or '?':
                    tokens.Add(new Token(Kind.Digit, c.ToString()));
                    break;
                case '.' when !point:
                    point = true;
                    tokens.Add(new Token(Kind.Point, "."));
                    break;
                case ',':
                    tokens.Add(new Token(Kind.Comma, ","));
                    break;
                case '%':
                    tokens.Add(new Token(Kind.Percent, "%"));
                    break;
                case 'E' or 'e' when i + 1 < section.Length && section[i + 1] is '+' or '-':
                    tokens.Add(new Token(Kind.Exponent, section.Substring(i++, 2)));
                    point = false; // the exponent's digits have no point of their own
                    break;
                case '/':
                    tokens.Add(new Token(Kind.Slash, "/"));
                    break;
                case '@':
                    tokens.Add(new Token(Kind.Text, "@"));
                    break;
                case 'G' or 'g' when string.Compare(section, i, "General", 0, 7, StringComparison.OrdinalIgnoreCase) == 0:
                    tokens.Add(new Token(Kind.General, ""));
                    i += 6;
                    break;
                case 'G' or 'g' when string.Compare(section, i, "G/通用格式", 0, 6, StringComparison.Ordinal) == 0:
                    tokens.Add(new Token(Kind.General, ""));
                    i += 5;
                    break;
                default:
                    tokens.Add(new Token(Kind.Literal, c.ToString()));
                    break;
            }
        }

        return new Section(tokens, condition, unsupported);
    }

    private enum Kind
    {
        Literal,
        Digit,
        Point,
        Comma,
        Percent,
        Exponent,
        Slash,
        Text,
        General,
    }

    private readonly record struct Token(Kind Kind, string Text);

    private sealed record Section(List<Token> Tokens, Condition? Condition, bool Unsupported);

    /// <summary>A section's condition, <c>[&gt;=100]</c>.</summary>
    private sealed record Condition(string Operator, decimal Operand)
    {
        /// <summary>Whether it takes negative numbers as they are (<c>[&lt;0]</c>): their section then writes its own sign.</summary>
        public bool IsBelow => Operator is "<" or "<=" && Operand <= 0;

        public bool Holds(decimal value) => Operator switch
        {
            "<" => value < Operand,
            "<=" => value <= Operand,
            ">" => value > Operand,
            ">=" => value >= Operand,
            "<>" => value != Operand,
            _ => value == Operand,
        };

        public static Condition? Parse(string inside)
        {
            var length = inside.TakeWhile(static c => c is '<' or '>' or '=').Count();
            return length is > 0 and <= 2 && decimal.TryParse(inside.AsSpan(length), NumberStyles.Float, CultureInfo.InvariantCulture, out var operand)
                ? new Condition(inside[..length], operand)
                : null;
        }
    }
}
