using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocGen.Core.Frameworks;
using DocGen.Core.Validation;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Pipeline;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace DocGen.Rendering.Tests.Support;

/// <summary>Shared test plumbing: the repository, the shipped template, rendering, and output checks.</summary>
internal static class Docs
{
    public static string Root => DocGen.Tests.Shared.RepoRoot.Path;

    public static string Fixture(params string[] parts) => Path.Combine([Root, "fixtures", .. parts]);

    public static string TemplatePath { get; } = Path.Combine(Root, "templates", "performance-goals.docx");

    public static FrameworkCatalog Frameworks { get; } = FrameworkCatalog.LoadFolder(Path.Combine(Root, "templates"));

    public static SubmissionValidator Validator { get; } = new(Frameworks);

    /// <summary>A JSON submission's document or report: checked, then rendered (the Worker's pipeline adds intake and workbooks).</summary>
    public static GenerationResult Generate(byte[] json, CompiledTemplate template)
    {
        var check = Validator.Check(json);
        return check.Valid is { } valid ? DocumentGenerator.Render(valid, template) : new Rejected(check.Report);
    }

    private static readonly Lazy<CompiledTemplate> s_shipped = new(() => TemplateCompiler.Compile(File.ReadAllBytes(TemplatePath), "performance-goals.docx"));

    public static CompiledTemplate Shipped => s_shipped.Value;

    public static string SeedJson { get; } = File.ReadAllText(Fixture("S001-seed.json"));

    /// <summary>Validates <paramref name="json"/> (it must be valid) and renders it.</summary>
    public static byte[] Render(string json, CompiledTemplate? template = null)
    {
        var result = Generate(Encoding.UTF8.GetBytes(json), template ?? Shipped);
        Assert.True(result is Generated, string.Join("\n", result.Report.Errors.Select(static e => $"{e.Code} {e.Path} {e.Message}")));
        return ((Generated)result).Document.ToArray();
    }

    public static XDocument Part(byte[] docx, string name = "word/document.xml")
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    /// <summary>Every error <see cref="OpenXmlValidator"/> finds, as readable lines (none expected).</summary>
    public static List<string> ValidationErrors(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var validator = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019);
        return [.. validator.Validate(document).Select(static e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    public static void AssertValid(byte[] docx)
    {
        var errors = ValidationErrors(docx);
        Assert.True(errors.Count == 0, "OpenXmlValidator:\n" + string.Join("\n", errors.Take(20)));
    }
}
