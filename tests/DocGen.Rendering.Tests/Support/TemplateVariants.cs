using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace DocGen.Rendering.Tests.Support;

/// <summary>Variants of the shipped template and of the seed data, made in the test.</summary>
internal static class TemplateVariants
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The shipped template with its document.xml transformed.</summary>
    public static byte[] WithDocument(Func<string, string> transform) => WithPart("word/document.xml", transform);

    /// <summary>Compiles the shipped template with its document.xml transformed; the compile must fail.</summary>
    public static DocGen.Rendering.Compilation.TemplateException CompileFails(Func<string, string> edit)
        => Assert.Throws<DocGen.Rendering.Compilation.TemplateException>(() => DocGen.Rendering.Compilation.TemplateCompiler.Compile(WithDocument(edit), "broken.docx"));

    public static byte[] WithPart(string partName, Func<string, string> transform)
        => DocGen.Tests.Shared.DocxEdit.WithPart(File.ReadAllBytes(Docs.TemplatePath), partName, transform);

    /// <summary>
    /// What Word does to typed placeholders: every run holding a tag is cut into one run per few
    /// characters, with rsids, spell-check marks and a bookmark between the pieces.
    /// </summary>
    public static string SplitRunsLikeWord(string documentXml)
    {
        var doc = XDocument.Parse(documentXml, LoadOptions.PreserveWhitespace);
        var bookmark = 9000;
        foreach (var run in doc.Descendants(W + "r").Where(static r => r.Element(W + "t")?.Value.Contains("{{", StringComparison.Ordinal) == true).ToList())
        {
            var text = run.Element(W + "t")!.Value;
            var rPr = run.Element(W + "rPr");
            var pieces = new List<XNode>();
            for (var i = 0; i < text.Length; i += 3)
            {
                var piece = text.Substring(i, Math.Min(3, text.Length - i));
                if (i == 3)
                {
                    pieces.Add(new XElement(W + "proofErr", new XAttribute(W + "type", "spellStart")));
                    pieces.Add(new XElement(W + "bookmarkStart", new XAttribute(W + "id", bookmark), new XAttribute(W + "name", "_Hlk" + bookmark)));
                    pieces.Add(new XElement(W + "bookmarkEnd", new XAttribute(W + "id", bookmark)));
                    bookmark++;
                }

                pieces.Add(new XElement(W + "r",
                    new XAttribute(W + "rsidR", $"00{i:X6}"),
                    rPr is null ? null : new XElement(rPr),
                    new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), piece)));
                if (i == 6)
                {
                    pieces.Add(new XElement(W + "proofErr", new XAttribute(W + "type", "spellEnd")));
                }
            }

            run.ReplaceWith(pieces);
        }

        return doc.Declaration + doc.Root!.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Runs cut where Chinese meets Latin text, the Chinese pieces marked <c>w:hint="eastAsia"</c>, as WPS and Word do.</summary>
    public static string SplitAtScriptBoundaries(string documentXml)
    {
        var doc = XDocument.Parse(documentXml, LoadOptions.PreserveWhitespace);
        foreach (var run in doc.Descendants(W + "r").Where(static r => r.Element(W + "t")?.Value.Contains("{{", StringComparison.Ordinal) == true).ToList())
        {
            var text = run.Element(W + "t")!.Value;
            var pieces = new List<XElement>();
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                if (i == text.Length || (text[i] < 128) != (text[i - 1] < 128))
                {
                    var piece = text[start..i];
                    var rPr = run.Element(W + "rPr") is { } original ? new XElement(original) : new XElement(W + "rPr");
                    if (piece[0] >= 128)
                    {
                        rPr.AddFirst(new XElement(W + "rFonts", new XAttribute(W + "hint", "eastAsia")));
                    }

                    pieces.Add(new XElement(W + "r", rPr, new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), piece)));
                    start = i;
                }
            }

            run.ReplaceWith(pieces);
        }

        return doc.Declaration + doc.Root!.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Smart tags and rendered page-break marks inside tags, as Word leaves them.</summary>
    public static string SmartTagsAndPageBreakMarks(string documentXml)
    {
        var doc = XDocument.Parse(SplitRunsLikeWord(documentXml), LoadOptions.PreserveWhitespace);
        var i = 0;
        foreach (var run in doc.Descendants(W + "r").Where(static r => r.Element(W + "t")?.Value.Length > 0).ToList())
        {
            if (i++ % 4 == 1)
            {
                run.Element(W + "t")!.AddBeforeSelf(new XElement(W + "lastRenderedPageBreak"));
            }
            else if (i % 4 == 3 && run.Parent?.Name == W + "p")
            {
                run.ReplaceWith(new XElement(W + "smartTag", new XAttribute(W + "uri", "urn:schemas-microsoft-com:office:smarttags"), new XAttribute(W + "element", "chsdate"),
                    new XElement(W + "smartTagPr", new XElement(W + "attr", new XAttribute(W + "name", "IsROCDate"), new XAttribute(W + "val", "False"))),
                    new XElement(run)));
            }
        }

        return doc.Declaration + doc.Root!.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The 项目名称 value moved into a table nested in its cell.</summary>
    public static string NestedTable(string documentXml)
        => documentXml.Replace(
            "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:keepNext/></w:pPr><w:r><w:t xml:space=\"preserve\">{{projectName}}</w:t></w:r></w:p>",
            "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"1800\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"1800\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t xml:space=\"preserve\">名称：{{projectName}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>",
            StringComparison.Ordinal);

    /// <summary>A revision mark, as Word leaves it when “track changes” was on.</summary>
    public static string TrackedChange(string documentXml)
        => documentXml.Replace(
            "<w:r><w:t xml:space=\"preserve\">部门整体绩效目标</w:t></w:r>",
            "<w:ins w:id=\"99\" w:author=\"admin\" w:date=\"2026-01-01T00:00:00Z\"><w:r><w:t xml:space=\"preserve\">部门整体绩效目标</w:t></w:r></w:ins>",
            StringComparison.Ordinal);

    public static JsonObject Seed() => JsonNode.Parse(Docs.SeedJson)!.AsObject();

    public static JsonObject Project(JsonObject root, int index = 0) => root["projects"]![index]!.AsObject();

    public static string With(Action<JsonObject> mutate)
    {
        var root = Seed();
        mutate(root);
        return root.ToJsonString();
    }
}
