using System.Buffers;
using System.Text;

namespace DocGen.Rendering.Engine;

/// <summary>
/// The writer a document's parts are rendered through: UTF-8 into the current part's stream,
/// with buffers rented once per document (a <see cref="StreamWriter"/> per part allocated
/// ~20 KB of buffers each time, most of a seed render's garbage).
/// </summary>
internal sealed class PartTextWriter : TextWriter
{
    private const int CharCapacity = 4096;

    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private char[] _chars = ArrayPool<char>.Shared.Rent(CharCapacity);
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(CharCapacity));
    private int _count;
    private Stream _target = Stream.Null;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Starts a part: what is written from now on goes to <paramref name="target"/>.</summary>
    public void Begin(Stream target)
    {
        _target = target;
        _count = 0;
        _encoder.Reset();
    }

    /// <summary>Ends the part: everything written reaches its stream.</summary>
    public void End()
    {
        Drain(flush: true);
        _target = Stream.Null;
    }

    public override void Write(char value)
    {
        if (_count == _chars.Length)
        {
            Drain(flush: false);
        }

        _chars[_count++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_count == _chars.Length)
            {
                Drain(flush: false);
            }

            var n = Math.Min(buffer.Length, _chars.Length - _count);
            buffer[..n].CopyTo(_chars.AsSpan(_count));
            _count += n;
            buffer = buffer[n..];
        }
    }

    public override void Flush() => Drain(flush: false);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
            ArrayPool<byte>.Shared.Return(_bytes);
            _chars = [];
            _bytes = [];
        }

        base.Dispose(disposing);
    }

    private void Drain(bool flush)
    {
        // A surrogate pair split across two drains stays in the encoder until its second half comes.
        var written = _encoder.GetBytes(_chars.AsSpan(0, _count), _bytes, flush);
        _count = 0;
        _target.Write(_bytes, 0, written);
    }
}
