using System.Xml.Linq;
using DocGen.Rendering.Compilation;

namespace DocGen.Rendering.Tests.Compilation;

public sealed class RunNormalizerTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static XElement Paragraph(params XNode[] content) => new(W + "p", content);

    private static XElement Run(string text, string? bold = null)
        => new(W + "r", bold is null ? null : new XElement(W + "rPr", new XElement(W + "b")), new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text));

    [Fact]
    public void TagSplitOverRuns_BecomesOneRun_InTheFormattingOfItsFirst()
    {
        var p = Paragraph(Run("前{{pro", bold: "yes"), new XElement(W + "proofErr"), Run("ject"), Run("Name}}后"));

        RunNormalizer.JoinTags(p);

        Assert.Equal("前{{projectName}}后", Wml.TextOf(p));
        var tagRun = p.Elements(W + "r").First(r => r.Value.Contains("{{", StringComparison.Ordinal));
        Assert.NotNull(tagRun.Element(W + "rPr")?.Element(W + "b"));
    }

    [Fact]
    public void FullWidthBracesAndCurlyQuotesOfAnIme_BecomeAscii()
    {
        var p = Paragraph(Run("｛｛join names “、”｝｝"));

        RunNormalizer.JoinTags(p);

        Assert.Equal("{{join names \"、\"}}", Wml.TextOf(p));
    }

    [Fact]
    public void BookmarkInsideATag_IsRemovedWithItsEnd()
    {
        var p = Paragraph(Run("{{seq"), new XElement(W + "bookmarkStart", new XAttribute(W + "id", "7"), new XAttribute(W + "name", "_Hlk1")), Run("}}"));
        var root = new XElement(W + "body", p, new XElement(W + "bookmarkEnd", new XAttribute(W + "id", "7")));

        RunNormalizer.JoinTags(p);

        Assert.Equal("{{seq}}", Wml.TextOf(p));
        Assert.Empty(root.Descendants(W + "bookmarkStart"));
        Assert.Empty(root.Descendants(W + "bookmarkEnd"));
    }

    [Fact]
    public void Clean_RemovesGoBackProofMarksAndParagraphIds_AndMendsLibreOfficeSlips()
    {
        XNamespace w14 = "http://schemas.microsoft.com/office/word/2010/wordml";
        var root = new XElement(W + "body",
            new XElement(W + "p", new XAttribute(w14 + "paraId", "1A2B"),
                new XElement(W + "bookmarkStart", new XAttribute(W + "id", "0"), new XAttribute(W + "name", "_GoBack")),
                new XElement(W + "bookmarkEnd", new XAttribute(W + "id", "0")),
                new XElement(W + "proofErr")),
            new XElement(W + "tbl", new XElement(W + "tr", new XElement(W + "trPr", new XElement(W + "tblHeader", new XAttribute(W + "val", "true"))))),
            new XElement(W + "sectPr", new XElement(W + "docGrid", new XAttribute(W + "charSpace", "4294961151"))));

        RunNormalizer.Clean(root);

        Assert.Empty(root.Descendants(W + "bookmarkStart"));
        Assert.Empty(root.Descendants(W + "proofErr"));
        Assert.Null(root.Element(W + "p")!.Attribute(w14 + "paraId"));
        Assert.Equal("on", (string?)root.Descendants(W + "tblHeader").Single().Attribute(W + "val"));
        Assert.Equal("-6145", (string?)root.Descendants(W + "docGrid").Single().Attribute(W + "charSpace"));
    }
}
