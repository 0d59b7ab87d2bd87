using DocGen.Rendering.Compilation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Tests.Support;
using DocGen.Tests.Shared;

namespace DocGen.Rendering.Tests.Golden;

/// <summary>
/// The page as an office prints, stamps and files it (GB/T 9704-2012), through the real client:
/// documents are converted by LibreOffice with the stand-in GB fonts, and the PDF's pages are read.
/// </summary>
public sealed class PrintedPageTests
{
    private const double A4Width = 595.3;
    private const double A4Height = 841.9;

    /// <summary>
    /// <c>fixtures/S002-two-long-projects.json</c>: the seed with two projects of 16 indicators, 8- and
    /// 10-digit amounts, and each indicator's description marked at both ends (起k号 … 止k号; 乙 in the second).
    /// </summary>
    private static string LongSubmission() => File.ReadAllText(Docs.Fixture("S002-two-long-projects.json"));

    private static PdfPages Print(string json, CompiledTemplate? template = null)
    {
        RealClient.RequireFonts();
        return PdfPages.Read(RealClient.ToPdf(Docs.Render(json, template)));
    }

    public static TheoryData<string> Templates => ["shipped", "re-saved by LibreOffice"];

    private static CompiledTemplate? Template(string which)
        => which == "shipped" ? null : TemplateCompiler.Compile(RealClient.Resave(File.ReadAllBytes(Docs.TemplatePath)), "resaved.docx");

    [Theory]
    [MemberData(nameof(Templates))]
    public void LongSubmission_PrintsAsAnOfficialAttachment(string template)
    {
        var pdf = Print(LongSubmission(), Template(template));

        // A4, no blank page.
        Assert.All(pdf.Pages, static p => Assert.Equal((A4Width, A4Height), (Math.Round(p.Width, 1), Math.Round(p.Height, 1))));
        Assert.All(pdf.Pages, static p => Assert.NotEmpty(p.Body));

        // 第二部分 starts a page; the first project may follow its title, the second starts a page of its own.
        Assert.StartsWith("第二部分", pdf.Pages[pdf.PageOf("第二部分")].Body.First().Text, StringComparison.Ordinal);
        var secondHeading = pdf.PageOf("2.党员教育培训经费绩效目标表");
        Assert.StartsWith("2.党员教育培训经费绩效目标表", pdf.Pages[secondHeading].Body.First().Text, StringComparison.Ordinal);

        // No amount or percentage wraps.
        foreach (var figure in new[] { "98765432.10", "97000000.00", "1765432.10", "9999999999.99", "100.00%", "25.00%" })
        {
            Assert.True(pdf.OnOneLine(figure), $"{figure} wraps");
        }

        // No indicator row on two pages: each description's first and last words are on one page.
        for (var k = 1; k <= 16; k++)
        {
            foreach (var prefix in new[] { "", "乙" })
            {
                var (start, end) = (pdf.PageOf($"{prefix}起{k}号"), pdf.PageOf($"{prefix}止{k}号"));
                Assert.True(start >= 0 && start == end, $"the row of indicator {prefix}{k} is on pages {start + 1} and {end + 1}");
            }
        }

        // Page numbers on the outer side: odd pages right, even pages left.
        for (var i = 0; i < pdf.Pages.Count; i++)
        {
            var page = pdf.Pages[i];
            var footer = page.Footer ?? throw new Xunit.Sdk.XunitException($"page {i + 1} has no page number");
            Assert.Contains((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), footer.Text, StringComparison.Ordinal);
            var middle = (footer.Left + footer.Right) / 2;
            Assert.True((i + 1) % 2 == 1 ? middle > page.Width * 0.75 : middle < page.Width * 0.25, $"page {i + 1}: its number is at {middle:F0} of {page.Width:F0}");
        }
    }

    [Fact]
    public void BodyText_Has28CharactersALine_And22LinesAPage()
    {
        var pdf = Print(Docs.SeedJson);

        // Part 1 is body text in 3号仿宋: a full page has 22 lines, a full line 28 characters.
        var part1 = pdf.Pages.Take(pdf.PageOf("第二部分")).Skip(1).ToList();
        Assert.Equal(22, part1.Max(static p => p.Body.Count()));
        // Lines of full-width characters only; a closing mark may hang past the end, as Chinese typesetting allows.
        Assert.Equal(28, part1.SelectMany(static p => p.Body).Where(static l => l.Text.All(static c => c > 0x2E80))
            .Max(static l => l.Text.TrimEnd('，', '。', '、', '；', '：', '”', '）', '」', '》').Length));
    }
}
