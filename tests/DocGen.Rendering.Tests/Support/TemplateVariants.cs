using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace DocGen.Rendering.Tests.Support;

/// <summary>Variants of the shipped template and of the seed data, made in the test.</summary>
internal static class TemplateVariants
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The shipped template with its document.xml transformed.</summary>
    public static byte[] WithDocument(Func<string, string> transform) => WithPart("word/document.xml", transform);

    public static byte[] WithPart(string partName, Func<string, string> transform)
    {
        var source = File.ReadAllBytes(Docs.TemplatePath);
        using var input = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read);
        using var result = new MemoryStream();
        using (var output = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                if (entry.FullName == partName)
                {
                    text = transform(text);
                }

                using var writer = new StreamWriter(output.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return result.ToArray();
    }

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

    public static JsonObject Seed() => JsonNode.Parse(Docs.SeedJson)!.AsObject();

    public static JsonObject Project(JsonObject root, int index = 0) => root["projects"]![index]!.AsObject();

    public static string With(Action<JsonObject> mutate)
    {
        var root = Seed();
        mutate(root);
        return root.ToJsonString();
    }
}
