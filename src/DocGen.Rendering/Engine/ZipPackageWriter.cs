using System.Buffers.Binary;
using System.IO.Compression;

namespace DocGen.Rendering.Engine;

/// <summary>
/// Writes a document's zip package (PKWARE APPNOTE 6.3: local headers, data, central directory).
/// <see cref="ZipArchive"/> can only deflate what it is given, so every document would deflate the
/// template's unchanged parts again (a third of a seed render); this writer copies those parts'
/// bytes deflated once (<see cref="PackedEntry"/>) and streams the rendered parts through one
/// deflater each. Entries carry a fixed timestamp, so the same input gives the same bytes. The
/// output must be seekable: a rendered entry's sizes and CRC are written into its header after it.
/// </summary>
internal sealed class ZipPackageWriter(Stream output)
{
    private const ushort Version = 20; // 2.0: deflate
    private const ushort Stored = 0;
    private const ushort Deflated = 8;

    /// <summary>2000-01-01 00:00 in MS-DOS form (<see cref="DocxRenderer.EntryTimestamp"/>).</summary>
    private const ushort DosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;

    /// <summary>Where the CRC and sizes sit in a local header: written after the entry's data.</summary>
    private const int LocalSizesOffset = 14;

    private readonly List<(ZipEntryName Name, ushort Method, uint Crc, long Compressed, long Length, long Offset)> _entries = [];

    /// <summary>Copies a part deflated in advance.</summary>
    public void Add(PackedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var offset = output.Position;
        WriteLocalHeader(entry.Name, Deflated, entry.Crc32, entry.Deflated.Length, entry.Length);
        output.Write(entry.Deflated);
        _entries.Add((entry.Name, Deflated, entry.Crc32, entry.Deflated.Length, entry.Length, offset));
    }

    /// <summary>
    /// Writes a part rendered on the fly: <paramref name="write"/> gets a stream into the package,
    /// deflated or <paramref name="stored"/> as it is (a deflater costs ~20 µs to set up, more
    /// than it saves on a footer of a few hundred bytes).
    /// </summary>
    public void Add(ZipEntryName name, bool stored, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(write);
        var offset = output.Position;
        var method = stored ? Stored : Deflated;
        WriteLocalHeader(name, method, 0, 0, 0); // completed below, once the sizes are known
        var dataStart = output.Position;
        var content = new CrcCountingStream(stored ? output : new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true));
        try
        {
            write(content);
        }
        finally
        {
            if (!stored)
            {
                content.Inner.Dispose(); // the deflater's last block, and its native state freed
            }
        }

        var end = output.Position;
        var compressed = end - dataStart;
        output.Position = offset + LocalSizesOffset;
        Span<byte> sizes = stackalloc byte[12];
        WriteSizes(sizes, content.Crc, compressed, content.Length);
        output.Write(sizes);
        output.Position = end;
        _entries.Add((name, method, content.Crc, compressed, content.Length, offset));
    }

    /// <summary>Writes the central directory: the package is complete.</summary>
    public void Finish()
    {
        var start = output.Position;
        Span<byte> header = stackalloc byte[46];
        foreach (var (name, method, crc, compressed, length, offset) in _entries)
        {
            header.Clear(); // no comment, disk 0, no attributes
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version); // made by: MS-DOS (0), 2.0
            WriteEntryFields(header[6..], name, method, crc, compressed, length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], Fits32(offset));
            output.Write(header);
            output.Write(name.Utf8);
        }

        Span<byte> end = stackalloc byte[22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], Fits16(_entries.Count));
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], Fits16(_entries.Count));
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], Fits32(output.Position - start));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], Fits32(start));
        output.Write(end);
    }

    private void WriteLocalHeader(ZipEntryName name, ushort method, uint crc, long compressed, long length)
    {
        Span<byte> header = stackalloc byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        WriteEntryFields(header[4..], name, method, crc, compressed, length);
        output.Write(header);
        output.Write(name.Utf8);
    }

    /// <summary>
    /// The 26 bytes a local header and a central directory record share, in the same order:
    /// version needed, flags, method, time, date, CRC, sizes, name length, extra length (0).
    /// </summary>
    private static void WriteEntryFields(Span<byte> fields, ZipEntryName name, ushort method, uint crc, long compressed, long length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(fields, Version);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[2..], name.Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[4..], method);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[6..], 0); // time 00:00
        BinaryPrimitives.WriteUInt16LittleEndian(fields[8..], DosDate);
        WriteSizes(fields[10..], crc, compressed, length);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[22..], Fits16(name.Utf8.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(fields[24..], 0);
    }

    private static void WriteSizes(Span<byte> sizes, uint crc, long compressed, long length)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(sizes, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(sizes[4..], Fits32(compressed));
        BinaryPrimitives.WriteUInt32LittleEndian(sizes[8..], Fits32(length));
    }

    // 0xFFFF and 0xFFFFFFFF tell a reader to look for Zip64 records, which this writer does not
    // write: a package that big (far past the template and submission limits) is refused instead.
    private static uint Fits32(long value)
        => value is >= 0 and < uint.MaxValue ? (uint)value : throw new InvalidOperationException($"The document's package is past the zip format's 4 GB limits ({value}); Zip64 is not written.");

    private static ushort Fits16(int value)
        => value is >= 0 and < ushort.MaxValue ? (ushort)value : throw new InvalidOperationException($"The document's package is past the zip format's 65,535-entry limits ({value}); Zip64 is not written.");
}
