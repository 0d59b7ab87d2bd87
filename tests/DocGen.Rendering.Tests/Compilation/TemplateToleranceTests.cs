using System.Text.RegularExpressions;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Tests.Support;

namespace DocGen.Rendering.Tests.Compilation;

public sealed partial class TemplateToleranceTests
{
    [Fact]
    public void PlaceholdersSplitOverRunsLikeWordSavesThem_RenderLikeTheCleanTemplate()
    {
        var split = TemplateVariants.WithDocument(TemplateVariants.SplitRunsLikeWord);
        var splitXml = Docs.Part(split).ToString();
        Assert.Contains("proofErr", splitXml, StringComparison.Ordinal);
        Assert.DoesNotContain("{{seq}}", splitXml, StringComparison.Ordinal); // the variant really is split

        var clean = Docs.Render(Docs.SeedJson);
        var fromSplit = Docs.Render(Docs.SeedJson, TemplateCompiler.Compile(split, "split.docx"));

        Assert.Equal(Normalized(clean), Normalized(fromSplit));
        Assert.Equal(Tables.Structure(Docs.Part(clean)), Tables.Structure(Docs.Part(fromSplit)));
        Docs.AssertValid(fromSplit);
    }

    [Fact]
    public void TagsTypedThroughAChineseImeWithFullWidthBracesAndCurlyQuotes_Work()
    {
        var template = TemplateVariants.WithDocument(static xml => xml
            .Replace("{{seq}}.", "｛｛seq｝｝.", StringComparison.Ordinal)
            .Replace("{{join itemizedGoals.indicatorNames \"、\"}}", "{{join itemizedGoals.indicatorNames “、”}}", StringComparison.Ordinal));

        var docx = Docs.Render(Docs.SeedJson, TemplateCompiler.Compile(template, "ime.docx"));

        Assert.Equal(Normalized(Docs.Render(Docs.SeedJson)), Normalized(docx));
    }

    private static string Normalized(byte[] docx) => HlkBookmark().Replace(TikaText.Export(Docs.Part(docx)), "");

    [GeneratedRegex(@"\[bookmark: _Hlk[^\]]*\]")]
    private static partial Regex HlkBookmark();
}
