using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Tests.Compilation;

/// <summary>A template is an untrusted package: limits (T10) and content that must not reach every document (T11).</summary>
public sealed class PackageGuardTests
{
    private static readonly byte[] s_shipped = File.ReadAllBytes(Docs.TemplatePath);

    /// <summary>The shipped template with entries added or replaced.</summary>
    private static byte[] With(params (string Name, byte[] Content)[] entries)
    {
        using var input = new ZipArchive(new MemoryStream(s_shipped), ZipArchiveMode.Read);
        using var result = new MemoryStream();
        using (var output = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.Where(e => !entries.Any(n => n.Name == e.FullName)))
            {
                using var from = entry.Open();
                using var to = output.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }

            foreach (var (name, content) in entries)
            {
                using var to = output.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                to.Write(content);
            }
        }

        return result.ToArray();
    }

    private static string ShippedPart(string name)
    {
        using var zip = new ZipArchive(new MemoryStream(s_shipped), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static TemplateProblem RefusedWith(string code, byte[] template)
    {
        var ex = Assert.Throws<TemplateException>(() => TemplateCompiler.Compile(template, "hostile.docx"));
        return Assert.Single(ex.Problems, p => p.Code == code);
    }

    [Fact]
    public void ZipBomb_IsRefusedByItsCompressionRatio_BeforeBeingInflated()
    {
        var problem = RefusedWith(RuleCodes.T10, With(("word/media/bomb.bin", new byte[8 * 1024 * 1024])));

        Assert.Contains("bomb.bin", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Macros_AreRefused_ByPartAndByContentType()
    {
        var types = ShippedPart("[Content_Types].xml").Replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal);

        var ex = Assert.Throws<TemplateException>(() => TemplateCompiler.Compile(With(("word/vbaProject.bin", [1, 2, 3]), ("[Content_Types].xml", Encoding.UTF8.GetBytes(types))), "macro.docx"));

        Assert.Equal(2, ex.Problems.Count(static p => p.Code == RuleCodes.T11));
    }

    [Theory]
    [InlineData("image", "http://tracker.example/pixel.png", "External")]
    [InlineData("attachedTemplate", "file:///C:/Templates/Normal.dotm", "External")]
    [InlineData("aFChunk", "chunk.html", null)]
    [InlineData("oleObject", "embeddings/oleObject1.bin", null)]
    public void UnsafeRelationships_AreRefused(string type, string target, string? mode)
    {
        var rels = ShippedPart("word/_rels/document.xml.rels").Replace("</Relationships>",
            $"<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}\" Target=\"{target}\"{(mode is null ? "" : $" TargetMode=\"{mode}\"")}/></Relationships>", StringComparison.Ordinal);

        var problem = RefusedWith(RuleCodes.T11, With(("word/_rels/document.xml.rels", Encoding.UTF8.GetBytes(rels))));

        Assert.Contains(target, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalHyperlink_IsAllowed()
    {
        var rels = ShippedPart("word/_rels/document.xml.rels").Replace("</Relationships>",
            "<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://www.mof.gov.cn/\" TargetMode=\"External\"/></Relationships>", StringComparison.Ordinal);

        var template = TemplateCompiler.Compile(With(("word/_rels/document.xml.rels", Encoding.UTF8.GetBytes(rels))), "link.docx"); // T11 would throw

        Assert.Equal("link.docx", template.Name);
    }

    [Theory]
    [InlineData("../evil.xml")]
    [InlineData("/etc/evil.xml")]
    [InlineData("word/..\\evil.xml")]
    public void EntryNamesOutsideThePackage_AreRefused(string name)
        => RefusedWith(RuleCodes.T11, With((name, "<x/>"u8.ToArray())));

    [Fact]
    public void PartNestedAHundredThousandDeep_IsRefusedQuickly()
    {
        var deep = new StringBuilder("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        deep.Insert(deep.Length, "<w:p>", 100_000);
        var clock = Stopwatch.StartNew();

        var problem = RefusedWith(RuleCodes.T10, With(("word/document.xml", Encoding.UTF8.GetBytes(deep.ToString()))));

        Assert.Contains("256", problem.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}"); // a hang guard, not a speed target
    }

    [Fact]
    public void DocumentTypeDefinitions_AreRefused_NoEntityExpansion()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>";

        Assert.Contains(Assert.Throws<TemplateException>(() => TemplateCompiler.Compile(With(("word/document.xml", Encoding.UTF8.GetBytes(xml))), "dtd.docx")).Problems,
            static p => p.Code == RuleCodes.T0);
    }
}
