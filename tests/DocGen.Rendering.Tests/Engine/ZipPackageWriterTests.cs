using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Model;
using DocGen.Rendering.Tests.Support;

namespace DocGen.Rendering.Tests.Engine;

public sealed class ZipPackageWriterTests
{
    [Fact]
    public void RenderedDocument_EveryEntryReadsBackWithItsCrcAndSize_AsTheTemplateHasIt()
    {
        using var document = new ZipArchive(new MemoryStream(Docs.Render(Docs.SeedJson)), ZipArchiveMode.Read);
        using var template = ZipFile.OpenRead(Docs.TemplatePath);

        Assert.Equal(template.Entries.Select(static e => e.FullName), document.Entries.Select(static e => e.FullName));
        foreach (var entry in document.Entries)
        {
            var bytes = Read(entry);
            Assert.Equal(entry.Length, bytes.Length);
            Assert.Equal(entry.Crc32, Crc32.HashToUInt32(bytes));
            Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).DateTime, entry.LastWriteTime.DateTime);
        }

        // The copied parts are the template's bytes, byte for byte.
        Assert.Equal(Read(template.GetEntry("word/styles.xml")!), Read(document.GetEntry("word/styles.xml")!));
    }

    [Fact]
    public void Entries_RenderedAndCopied_WithANonAsciiName_ReadBack()
    {
        var output = new MemoryStream();
        var writer = new ZipPackageWriter(output);
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<w:t>机关工委业务费</w:t>", 20_000)));
        writer.Add(PackedEntry.Pack("word/styles.xml", "<styles/>"u8));
        writer.Add(ZipEntryName.Of("word/文档.xml"), stored: false, s => s.Write(big));
        writer.Add(ZipEntryName.Of("word/footer1.xml"), stored: true, s => s.Write(big));
        writer.Add(ZipEntryName.Of("empty.xml"), stored: false, static _ => { });
        writer.Finish();

        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        Assert.Equal("<styles/>"u8.ToArray(), Read(zip.GetEntry("word/styles.xml")!));
        Assert.Equal(big, Read(zip.GetEntry("word/文档.xml")!));
        Assert.Equal(big, Read(zip.GetEntry("word/footer1.xml")!));
        Assert.Empty(Read(zip.GetEntry("empty.xml")!));
    }

    [Fact]
    public void PartTextWriter_KeepsASurrogatePairSplitAcrossItsBuffer()
    {
        var output = new MemoryStream();
        var text = new string('a', 4095) + "😀" + new string('b', 5000) + "𠀀";
        using (var writer = new PartTextWriter())
        {
            writer.Begin(output);
            foreach (var c in text)
            {
                writer.Write(c);
            }

            writer.End();
        }

        Assert.Equal(text, Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Render_ToAStreamThatCannotSeek_IsRefused()
        => Assert.Throws<ArgumentException>(() => DocxRenderer.Render(Docs.Shipped, ModelMapper.Map(Docs.Validator.Check(Encoding.UTF8.GetBytes(Docs.SeedJson)).Valid!), new NonSeekable()));

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed class NonSeekable : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
