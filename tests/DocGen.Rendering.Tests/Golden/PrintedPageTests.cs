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

    [Theory]
    [MemberData(nameof(Templates))]
    public void LabelsAndTheFrameworksLevel2Names_NeverWrapLeavingOneCharacterAlone(string template)
    {
        foreach (var json in new[] { Docs.SeedJson, LongSubmission() })
        {
            RealClient.RequireFonts();
            var bytes = RealClient.ToPdf(Docs.Render(json, Template(template)));
            var pdf = PdfPages.Read(bytes);

            // What pdftotext shows an archivist: no cell line of the labels' or names' last characters alone.
            var alone = CellLines(bytes).Where(static l => l is "据" or "途" or "标").ToList();
            Assert.True(alone.Count == 0, $"lines of one character: {string.Join(" ", alone)}");
            foreach (var name in new[] { "数量指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标" })
            {
                Assert.True(pdf.OnOneLine(name), $"{name} wraps");
            }

            Assert.True(pdf.OnOneLine("预算规模及") && pdf.OnOneLine("资金用途"), "预算规模及资金用途 wraps into unbalanced lines");
        }
    }

    /// <summary>The text of each line of each cell, as <c>pdftotext -layout</c> lays it out (cells apart by two spaces or more).</summary>
    private static List<string> CellLines(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"docgen-print-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            return [.. RealClient.Poppler("pdftotext", "-layout", file, "-").Split('\n')
                .SelectMany(static line => System.Text.RegularExpressions.Regex.Split(line.Trim(), @"\s{2,}"))
                .Where(static cell => cell.Length > 0)];
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ATableThatOverflowsItsPage_CarriesAtLeastTwoRowsOver_NeverOneUnderTheRepeatedHeader()
    {
        const int First = 9, Last = 22;
        var pdf = Print(ProjectsOfEveryLength(First, Last));

        var overflowed = 0;
        for (var n = First; n <= Last; n++)
        {
            var pages = Enumerable.Range(1, n).Select(k => pdf.PageOf($"止{n}-{k}号")).ToList();
            Assert.DoesNotContain(-1, pages);
            if (pages[^1] > pages[0])
            {
                overflowed++;
                Assert.True(pages.Count(p => p == pages[^1]) >= 2, $"the table of {n} indicators ends with one row alone on page {pages[^1] + 1}");
            }
        }

        Assert.True(overflowed >= 3, $"only {overflowed} tables overflowed their page: the check saw too little"); // the submission must exercise the rule
    }

    private const string Filler = "按照年度工作计划和相关制度规定组织实施并按期完成";

    /// <summary>
    /// The seed with one project per length <paramref name="first"/>..<paramref name="last"/> (each
    /// starts a page) whose rows are all as tall (the same texts), so that some table overflows its
    /// page by exactly one row; each indicator's description starts with 止n-k号.
    /// </summary>
    private static string ProjectsOfEveryLength(int first, int last)
    {
        var seed = System.Text.Json.Nodes.JsonNode.Parse(Docs.SeedJson)!.AsObject();
        var template = seed["projects"]![0]!;
        var indicators = template["indicators"]!.AsArray();
        var projects = new System.Text.Json.Nodes.JsonArray();
        for (var n = first; n <= last; n++)
        {
            var project = template.DeepClone().AsObject();
            project["seq"] = n - first + 1;
            project["projectCode"] = $"13030321WLCRBVUADKP{n:D2}";
            project["projectName"] = $"项目{n}";
            var rows = new System.Text.Json.Nodes.JsonArray();
            for (var k = 1; k <= n; k++)
            {
                var indicator = indicators[(k - 1) * indicators.Count / n]!.DeepClone().AsObject(); // in the framework's order, every group present
                indicator["name"] = $"指标{k}";
                indicator["description"] = $"止{n}-{k}号，{Filler}"; // the mark at the start of its cell, on one line: found whole in the PDF
                indicator["basis"] = Filler;
                rows.Add(indicator);
            }

            project["indicators"] = rows;
            projects.Add(project);
        }

        seed["projects"] = projects;
        return seed.ToJsonString();
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
