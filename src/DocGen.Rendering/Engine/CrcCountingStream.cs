namespace DocGen.Rendering.Engine;

/// <summary>Passes a rendered part on to its deflater (or the package itself), counting its bytes and their CRC-32.</summary>
internal sealed class CrcCountingStream(Stream inner) : Stream
{
    private readonly System.IO.Hashing.Crc32 _crc = new();

    public Stream Inner { get; } = inner;

    public uint Crc => _crc.GetCurrentHashAsUInt32();

    public override long Length => _length;

    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _crc.Append(buffer);
        _length += buffer.Length;
        Inner.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => Inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
