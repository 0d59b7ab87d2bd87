using System.Text.Json;

namespace DocGen.Core.Json;

/// <summary>
/// One string per distinct short value of one file: an indicator table repeats its categories,
/// units, comparators and natures in every row, and a 10,000-row file would otherwise hold
/// 10,000 copies of each. Bounded, so a file of distinct values costs only the lookups.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longer values (names, descriptions) are rarely repeated: they are not looked up.</summary>
    private const int MaxPooledChars = 24;

    /// <summary>The most bytes a pooled value can take in the file: six for a <c>\uXXXX</c> escape per character.</summary>
    private const int MaxPooledBytes = MaxPooledChars * 6;

    private const int MaxEntries = 1024;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    public StringPool() => _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The string token the reader is on, as <see cref="Utf8JsonReader.GetString"/> reads it
    /// (escapes undone; throwing as it does for text that is not valid UTF-8 or UTF-16), shared
    /// with an equal earlier value.
    /// </summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxPooledBytes)
        {
            return reader.GetString()!;
        }

        // A value never has more characters than bytes in the file.
        Span<char> chars = stackalloc char[MaxPooledBytes];
        var text = chars[..reader.CopyString(chars)];
        if (text.Length > MaxPooledChars)
        {
            return new string(text);
        }

        if (_byChars.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var made = new string(text);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(made, made);
        }

        return made;
    }
}
