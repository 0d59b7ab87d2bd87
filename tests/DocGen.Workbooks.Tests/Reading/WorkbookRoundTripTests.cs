using DocGen.Rendering.Compilation;
using DocGen.Rendering.Pipeline;
using DocGen.Tests.Shared;
using DocGen.Workbooks.Tests.Support;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// Every fixture submission → its workbook → (re-saved by LibreOffice, as Excel or WPS re-save
/// it) → read back: the same submission (as the document sees it), or, for drafts with content
/// errors, the same issues at the same paths.
/// </summary>
public sealed class WorkbookRoundTripTests
{
    public static TheoryData<string> ValidFixtures => ["S001-seed.json", "S002-two-long-projects.json", "S003-mixed-checkpoint-months.json"];

    /// <summary>The drafts a workbook can be written for (C004 is not JSON a program can read: <c>docgen workbook</c> refuses it with its syntax report).</summary>
    public static TheoryData<string> Drafts => [.. Directory.EnumerateFiles(Books.Fixture("drafts"), "*.json").Select(static f => "drafts/" + Path.GetFileName(f)).Where(static f => !f.Contains("C004", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void ValidSubmission_ComesBackFromItsWorkbook(string fixture)
    {
        var json = File.ReadAllBytes(Books.Fixture(fixture));

        var check = Books.Check(Books.FromJson(json));

        Assert.Equal(Books.Normalised(Books.Validator.Check(json)), Books.Normalised(check));
        Assert.Equal(Books.IssueKeys(Books.Validator.Check(json)), Books.IssueKeys(check)); // the same warnings too
    }

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void ValidSubmission_ComesBackFromItsWorkbook_ResavedByLibreOffice(string fixture)
    {
        var json = File.ReadAllBytes(Books.Fixture(fixture));

        var resaved = RealClient.Convert(Books.FromJson(json), ".xlsx", "xlsx:Calc MS Excel 2007 XML", ".xlsx");

        Assert.Equal(Books.Normalised(Books.Validator.Check(json)), Books.Normalised(Books.Check(resaved)));
    }

    [Theory]
    [MemberData(nameof(Drafts))]
    public void DraftWithContentErrors_ComesBackFromItsWorkbook_ErrorsIncluded(string fixture)
    {
        var json = File.ReadAllBytes(Books.Fixture(fixture));

        var check = Books.Check(Books.FromJson(json));

        Assert.False(check.IsValid);
        Assert.Equal(SubmissionJson.Normalise(json), SubmissionJson.Normalise(check.Converted!));
        Assert.All(check.Report.Issues, static i => Assert.StartsWith("工作表“", i.Location, StringComparison.Ordinal));
    }

    [Fact]
    public void DraftWithContentErrors_ResavedByLibreOffice_ComesBackTheSame()
    {
        var json = File.ReadAllBytes(Books.Fixture("drafts/C001-two-projects-four-slips.json"));

        var resaved = RealClient.Convert(Books.FromJson(json), ".xlsx", "xlsx:Calc MS Excel 2007 XML", ".xlsx");

        Assert.Equal(SubmissionJson.Normalise(json), SubmissionJson.Normalise(Books.Check(resaved).Converted!));
    }

    [Theory]
    [InlineData("S002-two-long-projects.json", false)]
    [InlineData("S003-mixed-checkpoint-months.json", false)]
    [InlineData("S003-mixed-checkpoint-months.json", true)] // one project's plan ends 9月底, the other's 10月底: columns 3, 6, 9, 10, 12
    public void Workbook_RendersTheSameDocumentAsItsJson(string fixture, bool resavedByLibreOffice)
    {
        var json = File.ReadAllBytes(Books.Fixture(fixture));
        var template = TemplateCompiler.Compile(File.ReadAllBytes(Path.Combine(RepoRoot.Path, "templates", "performance-goals.docx")), "performance-goals.docx");
        var workbook = Books.FromJson(json);
        if (resavedByLibreOffice)
        {
            workbook = RealClient.Convert(workbook, ".xlsx", "xlsx:Calc MS Excel 2007 XML", ".xlsx");
        }

        var fromJson = Assert.IsType<Generated>(DocumentGenerator.Render(Books.Validator.Check(json).Valid!, template));
        var fromWorkbook = Assert.IsType<Generated>(DocumentGenerator.Render(Books.Check(workbook).Valid!, template));

        Assert.Equal(fromJson.Document.ToArray(), fromWorkbook.Document.ToArray());
    }

    [Fact]
    public void CheckpointColumns_OfAPrefilledWorkbook_AreTheUnionOfThePlans_InCalendarOrder()
    {
        var book = Books.FromJson(File.ReadAllBytes(Books.Fixture("S003-mixed-checkpoint-months.json")));

        var check = Books.Check(book);

        Assert.True(check.IsValid);
        Assert.Equal(["3月底", "6月底", "10月底", "12月底"], check.Submission!.Projects![0].SpendingPlan!.Select(static c => c.Label));
        Assert.Equal(["3月底", "6月底", "9月底", "12月底"], check.Submission.Projects[1].SpendingPlan!.Select(static c => c.Label));
        Assert.Equal(["3月底累计支出比例", "6月底累计支出比例", "9月底累计支出比例", "10月底累计支出比例", "12月底累计支出比例"], Books.HeaderRow(book, "预算项目").Skip(7));
    }
}
