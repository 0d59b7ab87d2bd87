using System.IO.Compression;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Tests.Support;

namespace DocGen.Rendering.Tests.Compilation;

public sealed class PackagePartsTests
{
    [Fact]
    public void ShippedTemplate_TextPartsAreFoundThroughItsRelationships()
    {
        using var zip = new ZipArchive(File.OpenRead(Docs.TemplatePath), ZipArchiveMode.Read);

        var parts = PackageParts.FindTextParts(zip);

        Assert.Equal(["word/document.xml", "word/footer1.xml", "word/footer2.xml"], parts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PackageWithoutAMainDocument_IsNotAWordDocument()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("_rels/.rels").Open());
            writer.Write("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>");
        }

        buffer.Position = 0;
        using var read = new ZipArchive(buffer, ZipArchiveMode.Read);
        Assert.Throws<InvalidDataException>(() => PackageParts.FindTextParts(read));
    }
}
