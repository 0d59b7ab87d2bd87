namespace DocGen.Core.Json;

/// <summary>What XML 1.0 (and therefore a .docx part) can hold.</summary>
public static class XmlText
{
    /// <summary>Index of the first character XML 1.0 forbids, or -1. Tab, LF and CR are allowed.</summary>
    public static int FirstIllegalChar(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20)
            {
                if (c is not ('\t' or '\n' or '\r'))
                {
                    return i;
                }
            }
            else if (c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
