using System.Diagnostics;
using DocGen.Core.Frameworks;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Pipeline;
using DocGen.Tests.Shared;
using DocGen.Worker.Pdf;

namespace DocGen.Worker.Tests.Pdf;

/// <summary>
/// The warm converters against the real LibreOffice: what the PDF is (PDF/A-2b, fonts embedded,
/// title, the document's text), and that a converter that hangs or dies is replaced within the
/// bounded retry, with nothing left running.
/// </summary>
public sealed class PdfConverterPoolTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("docgen-pdf-test-");

    [Fact]
    public async Task DocumentOverTheSizeLimit_GetsNoPdf_AtOnce_WithoutHoldingAConverter()
    {
        var (docx, title) = RenderSeed("big");
        await using var pool = new PdfConverterPool(new PdfConverterSettings(Converters.Require(), 1, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1)) { MaxDocumentBytes = 1024 },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PdfConverterPool>.Instance);

        var conversion = await pool.ConvertAsync(docx, Pdf("big"), title, TestContext.Current.CancellationToken);

        Assert.False(conversion.Succeeded);
        Assert.Equal(0, conversion.Attempts); // no converter was asked
        Assert.Contains("超过生成 PDF 的上限", conversion.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Pdf("big")));
    }

    [Fact]
    public void Timeout_GrowsWithTheDocument()
    {
        var settings = new PdfConverterSettings(null!, 1, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromMinutes(2), settings.TimeoutFor(0));
        Assert.Equal(TimeSpan.FromMinutes(3), settings.TimeoutFor(1048576));
        Assert.True(settings.TimeoutFor(12_600) < TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1)); // the seed (12.6 KB): under a second more
    }

    [Fact]
    public async Task Seed_BecomesPdfA2b_WithEveryFontEmbedded_ItsTitle_AndTheDocumentsText()
    {
        RealClient.RequireFonts();
        var (docx, title) = RenderSeed("seed");
        await using var pool = Converters.Pool();

        var conversion = await pool.ConvertAsync(docx, Pdf("seed"), title, TestContext.Current.CancellationToken);

        Assert.True(conversion.Succeeded, conversion.Error);
        Assert.Equal(1, conversion.Attempts);
        var pdf = PdfFacts.Read(Pdf("seed"));
        Assert.Equal("2b", pdf.PdfA);
        Assert.Equal("中共秦皇岛市山海关区委区直机关工作委员会本级2021年度部门整体绩效目标和预算项目绩效目标表", pdf.Title);
        Assert.Empty(pdf.NotEmbedded);

        // The stand-ins of the GB fonts, and no other face: a glyph none of them has would have brought in a fallback font.
        Assert.Contains(pdf.Fonts, static f => f.Contains("FandolFang", StringComparison.Ordinal));
        Assert.Contains(pdf.Fonts, static f => f.Contains("FandolKai", StringComparison.Ordinal));
        Assert.All(pdf.Fonts, static f => Assert.Matches("Fandol|NotoS(ans|erif)CJK|Liberation", f));
        pdf.AssertSameTextAs(docx);
    }

    [Fact]
    public async Task HungLibreOffice_IsKilledAfterTheTimeout_AndAFreshOneConvertsTheDocument()
    {
        var (docx, title) = RenderSeed("seed");
        await using var pool = Converters.Pool(timeout: TimeSpan.FromSeconds(5));
        Assert.True((await pool.ConvertAsync(docx, Pdf("first"), title, TestContext.Current.CancellationToken)).Succeeded);
        var bridge = Assert.Single(pool.ProcessIds);
        var office = Converters.Descendants(bridge);
        Assert.NotEmpty(office);
        foreach (var pid in office)
        {
            Signal("STOP", pid); // frozen: it neither answers nor dies
        }

        var conversion = await pool.ConvertAsync(docx, Pdf("second"), title, TestContext.Current.CancellationToken);

        Assert.True(conversion.Succeeded, conversion.Error);
        Assert.Equal(2, conversion.Attempts);
        Assert.NotEqual(bridge, Assert.Single(pool.ProcessIds));
        Assert.All(office.Append(bridge), static pid => Assert.False(Converters.Runs(pid), $"process {pid} was left running"));
        Assert.Equal("2b", PdfFacts.Read(Pdf("second")).PdfA);
    }

    [Fact]
    public async Task DeadLibreOffice_IsReplaced_AndTheDocumentConverted()
    {
        var (docx, title) = RenderSeed("seed");
        await using var pool = Converters.Pool();
        Assert.True((await pool.ConvertAsync(docx, Pdf("first"), title, TestContext.Current.CancellationToken)).Succeeded);
        foreach (var pid in Converters.Descendants(Assert.Single(pool.ProcessIds)))
        {
            Signal("KILL", pid);
        }

        var conversion = await pool.ConvertAsync(docx, Pdf("second"), title, TestContext.Current.CancellationToken);

        Assert.True(conversion.Succeeded, conversion.Error);
        Assert.Equal(2, conversion.Attempts);
        Assert.True(File.Exists(Pdf("second")));
    }

    [Fact]
    public async Task DocumentLibreOfficeCannotOpen_FailsAfterTwoAttempts_WithTheReason_AsTheDocumentsFault_AndThePoolGoesOn()
    {
        var broken = Path.Combine(_folder.FullName, "broken.docx");
        File.WriteAllBytes(broken, [.. "PK\u0003\u0004 not really a zip"u8]);
        var (docx, title) = RenderSeed("seed");
        await using var pool = Converters.Pool();

        var failed = await pool.ConvertAsync(broken, Pdf("broken"), "x", TestContext.Current.CancellationToken);
        var next = await pool.ConvertAsync(docx, Pdf("next"), title, TestContext.Current.CancellationToken);

        Assert.False(failed.Succeeded);
        Assert.False(failed.Deferred); // the pool's own document still converts: not the environment
        Assert.Equal(2, failed.Attempts);
        Assert.Contains("could not open", failed.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Pdf("broken")));
        Assert.True(next.Succeeded, next.Error);
    }

    [Fact]
    public async Task PathsWithChineseAndSpaces_Convert_AndLibreOfficeLeavesNothingBeside()
    {
        var (docx, title) = RenderSeed("seed");
        var folder = Path.Combine(_folder.FullName, "绩效 目标");
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, "区直工委 2025.docx");
        File.Move(docx, input);
        await using var pool = Converters.Pool();

        var conversion = await pool.ConvertAsync(input, Path.Combine(folder, "区直工委 2025.pdf"), title, TestContext.Current.CancellationToken);

        Assert.True(conversion.Succeeded, conversion.Error);
        Assert.Equal(["区直工委 2025.docx", "区直工委 2025.pdf"], Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Disposing_LeavesNoLibreOfficeRunning_NorItsFolder()
    {
        var (docx, title) = RenderSeed("seed");
        var pool = Converters.Pool(converters: 2);
        pool.WarmUp();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => pool.ConvertAsync(docx, Pdf($"d{i}"), title, TestContext.Current.CancellationToken)));
        var bridges = pool.ProcessIds;
        Assert.Equal(2, bridges.Count);
        var all = bridges.Concat(bridges.SelectMany(Converters.Descendants)).ToList();
        var folder = pool.ScratchFolder; // this pool's: tests running beside this one have pools of their own in this process
        Assert.True(Directory.Exists(folder));

        await pool.DisposeAsync();

        Assert.All(all, static pid => Assert.False(Converters.Runs(pid), $"process {pid} was left running"));
        Assert.False(Directory.Exists(folder), folder);
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(File.Exists(Pdf($"d{i}"))));
    }

    [Fact]
    public async Task Converters_StartFromOneInitialisedProfile_WithoutLibreOfficesStartUpRenderTests()
    {
        var (docx, title) = RenderSeed("seed");
        await using var pool = Converters.Pool(converters: 2);
        pool.WarmUp();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(i => pool.ConvertAsync(docx, Pdf($"p{i}"), title, TestContext.Current.CancellationToken)));

        // The pool's profile, built once; each converter's is a copy of it. Headless LibreOffice runs
        // its graphics render tests (~3 s) at every start with a profile that has not "seen" its
        // version, and writes their log into the profile: none may have it.
        var folder = pool.ScratchFolder!;
        var template = Path.Combine(folder, "profile-template");
        Assert.True(File.Exists(Path.Combine(template, "user", "registrymodifications.xcu")));
        Assert.Contains("ooSetupLastVersion", File.ReadAllText(Path.Combine(template, "user", "registrymodifications.xcu")), StringComparison.Ordinal);
        var profiles = Directory.GetDirectories(folder, "profile-?-*");
        Assert.Equal(2, profiles.Length);
        Assert.All(profiles.Append(template), static profile => Assert.False(File.Exists(Path.Combine(profile, "user", "GraphicsRenderTests.log")), $"{profile}: LibreOffice ran its start-up render tests"));
        Assert.False(Directory.Exists(template + ".building"));
    }

    private string Pdf(string name) => Path.Combine(_folder.FullName, name + ".pdf");

    /// <summary>The seed rendered with the shipped template, written to a file; and its title.</summary>
    private (string Docx, string Title) RenderSeed(string name)
    {
        var templates = Path.Combine(RepoRoot.Path, "templates");
        var pipeline = new DocGen.Worker.Pipeline.SubmissionPipeline(new SubmissionValidator(FrameworkCatalog.LoadFolder(templates)));
        var seed = Path.Combine(RepoRoot.Path, "fixtures", "S001-seed.json");
        var template = TemplateCompiler.Compile(File.ReadAllBytes(Path.Combine(templates, "performance-goals.docx")), "performance-goals.docx");
        var generated = Assert.IsType<DocGen.Worker.Pipeline.PipelineOutcome.Generated>(DocGen.Worker.Pipeline.SubmissionPipeline.Run(pipeline.Check(seed, DocGen.Worker.IO.SafeFile.Read(seed, pipeline.Validator.Limits.MaxFileBytes)), template));
        var path = Path.Combine(_folder.FullName, name + ".docx");
        File.WriteAllBytes(path, generated.Document.ToArray());
        return (path, DocumentTitle.For(generated.Submission.Submission));
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task DocumentChangedAfterItWasMade_IsNotConverted()
    {
        var (docx, _) = RenderSeed("seed");
        await using var pool = Converters.Pool();
        var made = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(docx)));
        File.AppendAllText(docx, "tampered");

        var conversion = await pool.ConvertAsync(docx, Pdf("changed"), "x", TestContext.Current.CancellationToken, expectedSha256: made);

        Assert.False(conversion.Succeeded);
        Assert.False(conversion.Deferred);
        Assert.Contains("not the one DocGen made", conversion.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Pdf("changed")));
    }
}
