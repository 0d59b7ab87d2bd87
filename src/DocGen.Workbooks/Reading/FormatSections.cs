namespace DocGen.Workbooks.Reading;

/// <summary>A number format code read into its sections: split at the semicolons, each section into tokens.</summary>
internal static class FormatSections
{
    /// <summary>A code's sections, split at the semicolons outside quotes, escapes and brackets.</summary>
    public static List<string> Split(string code)
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

    public static FormatSection Parse(string section)
    {
        var tokens = new List<FormatToken>();
        FormatCondition? condition = null;
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
                    tokens.Add(new FormatToken(FormatTokenKind.Literal, section[(i + 1)..end]));
                    i = end;
                    break;
                case '\\' or '!':
                    if (i + 1 < section.Length)
                    {
                        tokens.Add(new FormatToken(FormatTokenKind.Literal, section[++i].ToString()));
                    }

                    break;
                case '_':
                    tokens.Add(new FormatToken(FormatTokenKind.Literal, " ")); // the width of the next character, as a space
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
                        tokens.Add(new FormatToken(FormatTokenKind.Literal, dash < 0 ? inside[1..] : inside[1..dash]));
                    }
                    else if (FormatCondition.Parse(inside) is { } parsed)
                    {
                        condition = parsed;
                    }

                    i = close;
                    break;
                case '0' or '#' or '?':
                    tokens.Add(new FormatToken(FormatTokenKind.Digit, c.ToString()));
                    break;
                case '.' when !point:
                    point = true;
                    tokens.Add(new FormatToken(FormatTokenKind.Point, "."));
                    break;
                case ',':
                    tokens.Add(new FormatToken(FormatTokenKind.Comma, ","));
                    break;
                case '%':
                    tokens.Add(new FormatToken(FormatTokenKind.Percent, "%"));
                    break;
                case 'E' or 'e' when i + 1 < section.Length && section[i + 1] is '+' or '-':
                    tokens.Add(new FormatToken(FormatTokenKind.Exponent, section.Substring(i++, 2)));
                    point = false; // the exponent's digits have no point of their own
                    break;
                case '/':
                    tokens.Add(new FormatToken(FormatTokenKind.Slash, "/"));
                    break;
                case '@':
                    tokens.Add(new FormatToken(FormatTokenKind.Text, "@"));
                    break;
                case 'G' or 'g' when string.Compare(section, i, "General", 0, 7, StringComparison.OrdinalIgnoreCase) == 0:
                    tokens.Add(new FormatToken(FormatTokenKind.General, ""));
                    i += 6;
                    break;
                case 'G' or 'g' when string.Compare(section, i, "G/通用格式", 0, 6, StringComparison.Ordinal) == 0:
                    tokens.Add(new FormatToken(FormatTokenKind.General, ""));
                    i += 5;
                    break;
                default:
                    tokens.Add(new FormatToken(FormatTokenKind.Literal, c.ToString()));
                    break;
            }
        }

        return new FormatSection(tokens, condition, unsupported);
    }
}
