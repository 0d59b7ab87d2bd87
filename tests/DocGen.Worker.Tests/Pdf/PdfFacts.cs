using System.Text.RegularExpressions;
using DocGen.Tests.Shared;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Worker.Tests.Pdf;

/// <summary>
/// A PDF as an archivist checks it, with poppler-utils: its declared PDF/A level, title, fonts
/// (and which are not embedded), pages and text.
/// </summary>
internal sealed partial record PdfFacts(string Title, string? PdfA, int Pages, IReadOnlyList<string> Fonts, IReadOnlyList<string> NotEmbedded, string Text)
{
    public static PdfFacts Read(string pdf)
    {
        var info = RealClient.Poppler("pdfinfo", pdf);
        var meta = RealClient.Poppler("pdfinfo", "-meta", pdf);
        var fonts = RealClient.Poppler("pdffonts", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(static line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(static f => f.Length >= 5).ToList();
        var part = PdfAPart().Match(meta);
        var conformance = PdfAConformance().Match(meta);
        return new PdfFacts(
            Field(info, "Title"),
            part.Success && conformance.Success ? $"{part.Groups[1].Value}{conformance.Groups[1].Value.ToLowerInvariant()}" : null,
            int.Parse(Field(info, "Pages"), System.Globalization.CultureInfo.InvariantCulture),
            [.. fonts.Select(static f => f[0])],
            // columns: name, type (one or two words), encoding, emb, sub, uni, object, id — read from the end
            [.. fonts.Where(static f => f[^5] != "yes").Select(static f => f[0])],
            RealClient.Poppler("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"));
    }

    /// <summary>
    /// Asserts that the PDF shows the document's text: every paragraph of the body, in order, line
    /// breaks aside, and nothing else but the page numbers (— N —, also inside a paragraph that
    /// goes on over a page) and the header rows a table repeats on each of its pages.
    /// </summary>
    public void AssertSameTextAs(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
            .Select(static p => Squeeze(p.InnerText)).Where(static p => p.Length > 0).ToList();
        Assert.NotEmpty(paragraphs);
        var repeatedRows = document.MainDocumentPart.Document.Body.Descendants<TableRow>()
            .Where(static r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null)
            .Select(static r => Squeeze(r.InnerText)).Where(static r => r.Length > 0).Distinct().ToList();
        var text = PageNumber().Replace(Squeeze(Text), "");
        var at = 0;
        foreach (var paragraph in paragraphs)
        {
            var found = text.IndexOf(paragraph, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"The PDF lacks (after position {at}) the paragraph “{paragraph}”; it goes on: “{Around(text, at)}”");
            var extra = repeatedRows.Aggregate(text[at..found], static (gap, row) => gap.Replace(row, "", StringComparison.Ordinal));
            Assert.True(extra.Length == 0, $"The PDF has text the document has not: “{extra}”");
            at = found + paragraph.Length;
        }

        Assert.True(at == text.Length, $"The PDF has text the document has not: “{text[at..]}”");
    }

    private static string Around(string text, int at) => text.Substring(at, Math.Min(60, text.Length - at));

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    private static string Field(string info, string name)
        => info.Split('\n').Select(static l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim() == name).Select(static p => p[1].Trim()).FirstOrDefault() ?? "";

    [GeneratedRegex(@"<pdfaid:part>(\d)</pdfaid:part>|pdfaid:part=""(\d)""")]
    private static partial Regex PdfAPart();

    [GeneratedRegex(@"<pdfaid:conformance>([ABU])</pdfaid:conformance>|pdfaid:conformance=""([ABU])""")]
    private static partial Regex PdfAConformance();

    [GeneratedRegex(@"—\d+—")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
