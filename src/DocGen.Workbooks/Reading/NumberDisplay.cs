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
    private readonly List<FormatSection> _sections;

    /// <summary>The text section's tokens, or null when text shows as it is.</summary>
    private readonly List<FormatToken>? _textSection;

    private NumberDisplay(string? code)
    {
        var sections = code is null ? [] : FormatSections.Split(code);
        _sections = [.. sections.Select(FormatSections.Parse)];
        _textSection = sections.Count >= 4 ? _sections[3].Tokens
            : sections.Count == 1 && _sections[0].Tokens.Any(static t => t.Kind == FormatTokenKind.Text) ? _sections[0].Tokens
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
        if (section.Tokens.Any(static t => t.Kind == FormatTokenKind.Text) && !section.Tokens.Any(static t => t.Kind is FormatTokenKind.Digit or FormatTokenKind.General))
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
                FormatTokenKind.Text => text,
                FormatTokenKind.Literal => token.Text,
                _ => "",
            });
        }

        return shown.ToString().Trim();
    }

    /// <summary>The section for a value, and whether a minus sign is written before it (only the first section's, or a condition's that takes negatives, shows it).</summary>
    private static (FormatSection Section, bool Signed) Choose(List<FormatSection> sections, decimal value)
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

    private static ShownNumber Format(FormatSection section, decimal magnitude, bool minus)
    {
        var tokens = section.Tokens;
        var sign = minus ? "-" : "";
        if (tokens.Any(static t => t.Kind == FormatTokenKind.General))
        {
            var text = string.Concat(tokens.Select(t => t.Kind switch { FormatTokenKind.General => CellText.Plain(magnitude), FormatTokenKind.Literal => t.Text, FormatTokenKind.Percent => "%", _ => "" }));
            return new ShownNumber(sign + text, magnitude);
        }

        if (!tokens.Any(static t => t.Kind == FormatTokenKind.Digit))
        {
            return new ShownNumber(string.Concat(tokens.Select(static t => t.Kind switch { FormatTokenKind.Literal => t.Text, FormatTokenKind.Percent => "%", FormatTokenKind.Point => ".", _ => "" })), null);
        }

        var percents = tokens.Count(static t => t.Kind == FormatTokenKind.Percent);
        var scaled = magnitude * NumberLayout.Pow10(2 * percents);
        var exponent = tokens.FindIndex(static t => t.Kind == FormatTokenKind.Exponent);
        var slash = tokens.FindIndex(static t => t.Kind == FormatTokenKind.Slash);
        var (digits, shown) = exponent >= 0 ? NumberLayout.Scientific(tokens, exponent, scaled)
            : slash > 0 && tokens.Take(slash).Any(static t => t.Kind == FormatTokenKind.Digit) ? NumberLayout.Fraction(tokens, slash, scaled)
            : NumberLayout.Fixed(tokens, scaled);
        return new ShownNumber(sign + digits, shown / NumberLayout.Pow10(2 * percents));
    }
}
