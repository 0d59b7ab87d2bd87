using System.Text;
using System.Text.Unicode;

namespace DocGen.Core.Json;

/// <summary>
/// Turns the bytes of a submission into UTF-8 without ever guessing: UTF-8 (with or without
/// BOM) is taken as is, UTF-16/UTF-32 with a BOM are transcoded (a BOM makes them unambiguous),
/// and anything else is refused with a message that names the encoding to use. GBK/GB18030,
/// what Chinese Windows tools save as “ANSI”, is recognised only to say so.
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="CutAtEnd">The only fault is a character cut off by the end of the file: what a copy still under way looks like.</param>
    public sealed record Failure(string Message, string MessageEn, bool CutAtEnd = false);

    private static readonly Failure s_utf16WithoutBom = new(
        "文件似乎是不带 BOM 的 UTF-16 编码。请另存为“UTF-8”编码。",
        "The file looks like UTF-16 without a byte order mark. Save it as UTF-8.");

    /// <summary>Returns UTF-8 bytes without BOM, or a failure that says why not.</summary>
    public static ReadOnlyMemory<byte> ToUtf8(ReadOnlyMemory<byte> input, out Failure? failure)
    {
        failure = null;
        var span = input.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return CheckUtf8(input[3..], out failure);
        }

        // UTF-32 LE's BOM starts like UTF-16 LE's, so test it first.
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Transcode(input[4..], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32 LE", out failure);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return Transcode(input[4..], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32 BE", out failure);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Transcode(input[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16 LE", out failure);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Transcode(input[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16 BE", out failure);
        }

        return CheckUtf8(input, out failure);
    }

    private static ReadOnlyMemory<byte> CheckUtf8(ReadOnlyMemory<byte> utf8, out Failure? failure)
    {
        failure = null;
        var span = utf8.Span;
        if (Utf8.IsValid(span))
        {
            if (span.Contains((byte)0))
            {
                failure = LooksLikeUtf16WithoutBom(span)
                    ? s_utf16WithoutBom
                    : new("文件含有 NUL 字节，不是文本（JSON）文件。", "The file contains NUL bytes: it is not a text (JSON) file.");
            }

            return utf8;
        }

        var offset = InvalidUtf8Offset(span);
        if (Rune.DecodeFromUtf8(span[offset..], out _, out _) == System.Buffers.OperationStatus.NeedMoreData)
        {
            failure = new($"文件在第 {offset} 字节处结束于半个字符，可能还没有写完。请等文件完整写入后再提交。",
                $"The file ends in the middle of a character (byte {offset}); it may not be completely written yet.", CutAtEnd: true);
            return default;
        }

        failure = LooksLikeUtf16WithoutBom(span)
            ? s_utf16WithoutBom
            : IsGb18030Text(span)
                ? new($"文件不是 UTF-8 编码（第 {offset} 字节），看起来是 GBK/GB18030（记事本的“ANSI”）。请在编辑器中选择“另存为 → 编码：UTF-8”后重新提交；为避免乱码，DocGen 不会猜测编码。",
                    $"The file is not UTF-8 (byte {offset}); it looks like GBK/GB18030 (Notepad's “ANSI”). Save it as UTF-8 and submit again; DocGen does not guess encodings, to avoid garbled text.")
                : new($"文件不是有效的 UTF-8 文本（第 {offset} 字节），可能是二进制文件或其他编码。请提交 UTF-8 编码的 JSON 文件。",
                    $"The file is not valid UTF-8 text (byte {offset}); it may be binary or in another encoding. Submit a UTF-8 JSON file.");
        return default;
    }

    private static ReadOnlyMemory<byte> Transcode(ReadOnlyMemory<byte> bytes, Encoding encoding, string name, out Failure? failure)
    {
        failure = null;
        try
        {
            return Encoding.UTF8.GetBytes(encoding.GetString(bytes.Span));
        }
        catch (DecoderFallbackException)
        {
            failure = new($"文件以 {name} 的 BOM 开头，但内容不是有效的 {name}。请另存为“UTF-8”编码。",
                $"The file starts with a {name} byte order mark but its content is not valid {name}. Save it as UTF-8.");
            return default;
        }
    }

    private static int InvalidUtf8Offset(ReadOnlySpan<byte> span)
    {
        var consumed = 0;
        while (consumed < span.Length)
        {
            var result = Rune.DecodeFromUtf8(span[consumed..], out _, out var n);
            if (result != System.Buffers.OperationStatus.Done)
            {
                return consumed;
            }

            consumed += n;
        }

        return consumed;
    }

    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> span)
    {
        if (span.Length < 4)
        {
            return false;
        }

        var zeros = 0;
        var sample = Math.Min(span.Length, 4096);
        for (var i = 0; i < sample; i++)
        {
            if (span[i] == 0)
            {
                zeros++;
            }
        }

        // ASCII-heavy JSON in UTF-16 has a zero in almost every other byte.
        return zeros * 3 > sample;
    }

    private static bool IsGb18030Text(ReadOnlySpan<byte> span)
    {
        try
        {
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            var text = gb.GetString(span);

            // Real GBK text decodes to mostly common CJK ideographs, not to rare or private-use characters.
            int cjk = 0, other = 0;
            foreach (var c in text)
            {
                if (c >= 0x80)
                {
                    if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF')
                    {
                        cjk++;
                    }
                    else
                    {
                        other++;
                    }
                }
            }

            return cjk > 0 && cjk >= other * 4;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
