using System.Globalization;
using System.Text;

namespace DocGen.Rendering.Compilation;

/// <summary>The words of a tag's inside, as Handlebars reads them: quoted strings and parenthesised sub-expressions stay whole.</summary>
internal static class ArgumentTokens
{
    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        char? quote = null;
        foreach (var c in text.TrimStart('#', '/', '^'))
        {
            if (quote is { } q)
            {
                current.Append(c);
                if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                current.Append(c);
            }
            else if (c == '(')
            {
                depth++;
                current.Append(c);
            }
            else if (c == ')')
            {
                depth--;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) && depth == 0)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>A string, number or keyword literal: nothing to look up.</summary>
    public static bool IsLiteral(string token)
        => token.StartsWith('"') || token.StartsWith('\'') || token is "true" or "false" or "null" or "undefined"
            || double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
