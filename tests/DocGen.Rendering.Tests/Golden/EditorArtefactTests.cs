using System.Xml.Linq;
using System.Text.RegularExpressions;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Tests.Golden;

/// <summary>
/// Templates as real editors leave them, kept under <c>fixtures/templates/</c>: each renders the
/// seed to the same text and table structure as the shipped template. Regenerate the A-fixtures
/// with <c>DOCGEN_REGENERATE_FIXTURES=1 dotnet test</c>; the LibreOffice one with
/// <c>fixtures/templates/resave-with-libreoffice.sh</c>.
/// </summary>
public sealed partial class EditorArtefactTests
{
    private static readonly Dictionary<string, Func<byte[]>> s_artefacts = new()
    {
        ["A001-word-split-runs.docx"] = static () => TemplateVariants.WithDocument(TemplateVariants.SplitRunsLikeWord),
        ["A002-ime-fullwidth-braces-curly-quotes.docx"] = static () => TemplateVariants.WithDocument(static xml => xml
            .Replace("{{seq}}.", "｛｛seq｝｝.", StringComparison.Ordinal)
            .Replace("{{projectCode}}", "｛｛projectCode｝｝", StringComparison.Ordinal)
            .Replace("{{join itemizedGoals.indicatorNames \"、\"}}", "{{join itemizedGoals.indicatorNames “、”}}", StringComparison.Ordinal)),
        ["A003-cjk-latin-runs-eastasia-hint.docx"] = static () => TemplateVariants.WithDocument(TemplateVariants.SplitAtScriptBoundaries),
        ["A004-smarttags-rendered-page-breaks.docx"] = static () => TemplateVariants.WithDocument(TemplateVariants.SmartTagsAndPageBreakMarks),
        ["A005-nested-table.docx"] = static () => TemplateVariants.WithDocument(TemplateVariants.NestedTable),
        ["A006-tracked-changes.docx"] = static () => TemplateVariants.WithDocument(TemplateVariants.TrackedChange),
    };

    public static TheoryData<string> SameAsShipped => ["A001-word-split-runs.docx", "A002-ime-fullwidth-braces-curly-quotes.docx", "A003-cjk-latin-runs-eastasia-hint.docx", "A004-smarttags-rendered-page-breaks.docx", "R001-libreoffice-resaved.docx"];

    [Fact]
    public void ArtefactFixtures_AreUpToDate()
    {
        var regenerate = Environment.GetEnvironmentVariable("DOCGEN_REGENERATE_FIXTURES") == "1";
        foreach (var (name, make) in s_artefacts)
        {
            var path = Docs.Fixture("templates", name);
            if (regenerate)
            {
                File.WriteAllBytes(path, make());
            }

            Assert.True(File.Exists(path), $"{name} is missing: run DOCGEN_REGENERATE_FIXTURES=1 dotnet test");
            Assert.True(XNode.DeepEquals(Docs.Part(make()), Docs.Part(File.ReadAllBytes(path))), $"{name} is not what the shipped template makes now: run DOCGEN_REGENERATE_FIXTURES=1 dotnet test, then read the change");
        }
    }

    [Theory]
    [MemberData(nameof(SameAsShipped))]
    public void EditorSavedTemplate_RendersTheSeedLikeTheShippedTemplate(string fixture)
    {
        var template = TemplateCompiler.Compile(File.ReadAllBytes(Docs.Fixture("templates", fixture)), fixture);

        var shipped = Docs.Render(Docs.SeedJson);
        var docx = Docs.Render(Docs.SeedJson, template);

        Assert.Equal(Normalized(shipped), Normalized(docx));
        Assert.Equal(Tables.Structure(Docs.Part(shipped)), Tables.Structure(Docs.Part(docx)));
        Docs.AssertValid(docx);
    }

    [Fact]
    public void PlaceholderInATableNestedInACell_IsFilled()
    {
        var template = TemplateCompiler.Compile(File.ReadAllBytes(Docs.Fixture("templates", "A005-nested-table.docx")), "nested");

        var docx = Docs.Render(Docs.SeedJson, template);

        var nested = Docs.Part(docx).Descendants(System.Xml.Linq.XName.Get("tbl", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"))
            .Single(static t => t.Ancestors(System.Xml.Linq.XName.Get("tc", "http://schemas.openxmlformats.org/wordprocessingml/2006/main")).Any());
        Assert.Equal("名称：机关工委业务费", nested.Value);
        Docs.AssertValid(docx);
    }

    [Fact]
    public void TemplateWithTrackedChanges_IsRefusedWithAClearMessage()
    {
        var ex = Assert.Throws<TemplateException>(() => TemplateCompiler.Compile(File.ReadAllBytes(Docs.Fixture("templates", "A006-tracked-changes.docx")), "tracked"));

        Assert.Equal(RuleCodes.T5, Assert.Single(ex.Problems).Code);
    }

    /// <summary>The export without editors' own bookmarks (_Hlk), each line's bookmarks in name order (editors reorder them).</summary>
    private static string Normalized(byte[] docx)
        => string.Join("\n", HlkBookmark().Replace(TikaText.Export(Docs.Part(docx)), "").Split('\n').Select(static line =>
        {
            var marks = LeadingBookmarks().Match(line);
            return marks.Success ? string.Concat(Bookmark().Matches(marks.Value).Select(static m => m.Value).Order(StringComparer.Ordinal)) + line[marks.Length..] : line;
        }));

    [GeneratedRegex(@"\[bookmark: _Hlk[^\]]*\]")]
    private static partial Regex HlkBookmark();

    [GeneratedRegex(@"^\t?(\[bookmark: [^\]]*\])+")]
    private static partial Regex LeadingBookmarks();

    [GeneratedRegex(@"\[bookmark: [^\]]*\]")]
    private static partial Regex Bookmark();
}
