using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocGen.Core.Json;

/// <summary>
/// Reads an amount written as a JSON number or as a string (“30000.00”), exactly, as
/// <see cref="decimal"/>: finance tools export both, and binary floating point would lose cents.
/// Only plain decimal notation is accepted (no exponent, no thousands separator).
/// </summary>
public sealed class FlexibleDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
        {
            throw new JsonException("Expected a number or a decimal string.");
        }

        // Numbers and strings go through the same plain-decimal parser, so 1e3 is refused either way.
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()!.Trim()
            : Encoding.ASCII.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        return TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not a plain decimal number.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Parses plain decimal notation: optional minus, digits, optional fraction.</summary>
    public static bool TryParse(string text, out decimal value)
    {
        value = 0;
        return IsPlainDecimal(text.AsSpan())
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsPlainDecimal(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            var fraction = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                fraction++;
            }

            if (fraction == 0)
            {
                return false;
            }
        }

        return digits > 0 && i == s.Length;
    }
}
