using System.Text;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// The bytes of a text file a clerk opens by double-clicking it on a Windows desktop: UTF-8 with a
/// byte-order mark (without one, the Notepad of Windows 7 and the "ANSI" default of older tools read
/// Chinese as GBK and show nonsense) and CRLF line ends (that Notepad shows LF-only text as one line).
/// </summary>
public static class WindowsText
{
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var crlf = text.ReplaceLineEndings("\r\n");
        var preamble = Encoding.UTF8.Preamble;
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(crlf)];
        preamble.CopyTo(bytes);
        Encoding.UTF8.GetBytes(crlf, bytes.AsSpan(preamble.Length));
        return bytes;
    }
}
