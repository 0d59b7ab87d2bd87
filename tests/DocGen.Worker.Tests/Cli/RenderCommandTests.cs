using DocGen.Worker.Cli;
using DocGen.Core.Rules;

namespace DocGen.Worker.Tests.Cli;

public sealed class RenderCommandTests : IDisposable
{
    private static readonly string s_root = CliTests.Root;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("docgen-render-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Render_SeedFixture_WritesTheDocumentAndPrintsWarnings()
    {
        var target = Path.Combine(_folder.FullName, "seed.docx");

        var (exit, output, _) = await CliTests.Run("render", Path.Combine(s_root, "fixtures", "S001-seed.json"), "-o", target, "--templates", Path.Combine(s_root, "templates"));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("[V21]", output, StringComparison.Ordinal);
        Assert.Contains(target, output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken);
        Assert.Equal((byte)'P', bytes[0]); // a zip package
        Assert.Empty(_folder.GetFiles("*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Render_InvalidSubmission_ExitsOneAndWritesNothing()
    {
        var target = Path.Combine(_folder.FullName, "bad.docx");

        var (exit, output, _) = await CliTests.Run("render", Path.Combine(s_root, "fixtures", "invalid", "I003-wrong-types.json"), "-o", target, "--templates", Path.Combine(s_root, "templates"));

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("未通过校验", output, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Render_BrokenTemplate_ExitsTwoAndSaysWhere()
    {
        var template = Path.Combine(_folder.FullName, "broken.docx");
        await File.WriteAllTextAsync(template, "not a word file", TestContext.Current.CancellationToken);

        var (exit, _, error) = await CliTests.Run("render", Path.Combine(s_root, "fixtures", "S001-seed.json"), "-o", Path.Combine(_folder.FullName, "x.docx"), "--template", template, "--templates", Path.Combine(s_root, "templates"));

        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains(RuleCodes.T0, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "x.docx")));
    }

    [Fact]
    public async Task RenderWithPdf_WritesAPdfA2bBesideTheDocument_WithItsText()
    {
        Pdf.Converters.Require();
        var target = Path.Combine(_folder.FullName, "seed.docx");

        var (exit, output, error) = await CliTests.Run("render", Path.Combine(s_root, "fixtures", "S001-seed.json"), "-o", target, "--pdf", "--templates", Path.Combine(s_root, "templates"));

        Assert.True(exit == ExitCodes.Ok, error);
        var pdfPath = Path.Combine(_folder.FullName, "seed.pdf");
        Assert.Contains(pdfPath, output, StringComparison.Ordinal);
        var pdf = Pdf.PdfFacts.Read(pdfPath);
        Assert.Equal("2b", pdf.PdfA);
        Assert.Empty(pdf.NotEmbedded);
        Assert.EndsWith("2021年度部门整体绩效目标和预算项目绩效目标表", pdf.Title, StringComparison.Ordinal);
        pdf.AssertSameTextAs(target);
        Assert.Equal(["seed.docx", "seed.pdf"], _folder.GetFiles().Select(static f => f.Name).Order(StringComparer.Ordinal));
    }
}
