using System.Text;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// A part's inflated bytes as the text the XML parser reads, scanned on the way
/// (<see cref="MarkupScanner"/>) and with the read time checked for every block. DocGen decodes,
/// not the parser: a byte scanner would have to know the encoding, and the parser takes it from
/// the part's own declaration (any code page, once one is registered). A package's XML is UTF-8
/// or UTF-16 (Open Packaging Conventions); bytes that are neither end in X1, never in text the
/// scanner and the parser would read differently.
/// </summary>
internal sealed class PartText(Stream bytes, PartXml part) : TextReader
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly MarkupScanner _scanner = new(part.Limits.MaxAttributesPerElement, part.Limits.MaxNamespaceDeclarationsPerElement);
    private Decoder? _decoder;
    private int _start;
    private int _end;
    private bool _ended;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        part.CheckTime();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        _decoder ??= Detect();
        while (true)
        {
            if (_start == _end && !_ended)
            {
                _start = 0;
                _end = bytes.Read(_buffer);
                _ended = _end == 0;
            }

            _decoder.Convert(_buffer.AsSpan(_start, _end - _start), buffer, _ended, out var used, out var chars, out _);
            _start += used;
            if (chars > 0)
            {
                if (!_scanner.Scan(buffer[..chars]))
                {
                    throw part.Limit(_scanner.Excess!.Value.What, _scanner.Excess.Value.WhatEn);
                }

                return chars;
            }

            if (_ended)
            {
                return 0;
            }
        }
    }

    /// <summary>The parser reads blocks; one character at a time it never asks for.</summary>
    public override int Read() => throw new NotSupportedException();

    public override int Peek() => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            bytes.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>UTF-8 (with or without its mark) or UTF-16 (by its mark, or by the 0 byte beside the first '&lt;'), decoding that throws on bytes that are not text.</summary>
    private Decoder Detect()
    {
        while (_end < 4 && bytes.Read(_buffer.AsSpan(_end)) is var read and > 0)
        {
            _end += read;
        }

        _ended = _end == 0;
        var head = _buffer.AsSpan(0, _end);
        var (encoding, mark) = head switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding)new UTF8Encoding(false, true), 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [(byte)'<', 0, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 0),
            [0, (byte)'<', ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 0),
            _ => (new UTF8Encoding(false, true), 0),
        };
        _start = mark;
        return encoding.GetDecoder();
    }
}
