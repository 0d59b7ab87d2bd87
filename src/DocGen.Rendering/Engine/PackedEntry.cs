using System.IO.Compression;
using System.IO.Hashing;

namespace DocGen.Rendering.Engine;

/// <summary>
/// A template part copied into every document unchanged (styles, settings, relationships…),
/// deflated once when the template is compiled: documents copy its compressed bytes instead of
/// deflating the same bytes again for each one.
/// </summary>
internal sealed record PackedEntry(ZipEntryName Name, uint Crc32, long Length, byte[] Deflated)
{
    public static PackedEntry Pack(string name, ReadOnlySpan<byte> bytes)
    {
        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(bytes);
        }

        return new PackedEntry(ZipEntryName.Of(name), System.IO.Hashing.Crc32.HashToUInt32(bytes), bytes.Length, deflated.ToArray());
    }
}
