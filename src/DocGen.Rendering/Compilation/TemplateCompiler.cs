using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using DocGen.Rendering.Engine;
using HandlebarsDotNet;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Compiles a Word template (.docx bytes) once: finds the parts that hold text (document,
/// headers, footers, notes) through the package's relationships, turns each into a Handlebars
/// template over its XML, and keeps every other part's bytes to copy into each output.
/// All problems of a template are reported at once, with where they are, as a <see cref="TemplateException"/>.
/// </summary>
public static class TemplateCompiler
{
    /// <summary>The largest template file compiled (T10 above it).</summary>
    public const long MaxFileBytes = PackageLimits.MaxFileBytes;

    public static CompiledTemplate Compile(ReadOnlyMemory<byte> docx, string name)
    {
        if (docx.Length > PackageLimits.MaxFileBytes)
        {
            throw new TemplateException(name, [new TemplateProblem(RuleCodes.T10, null,
                $"模板文件过大（{docx.Length:N0} 字节，上限 {PackageLimits.MaxFileBytes:N0}）。", $"The template file is too large ({docx.Length:N0} bytes; the limit is {PackageLimits.MaxFileBytes:N0}).")]);
        }

        var source = docx.ToArray(); // our own copy: the template keeps it for its hash
        try
        {
            return CompilePackage(source, name);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            // Whatever else a damaged or hostile package does while it is read is a problem of the template, not a crash.
            throw NotAWordDocument(name, ex.Message);
        }
    }

    private static CompiledTemplate CompilePackage(byte[] source, string name)
    {
        using var zip = Open(source, name);
        if (PackageGuard.Check(zip) is { Count: > 0 } refused)
        {
            throw new TemplateException(name, refused);
        }

        var problems = new List<TemplateProblem>();
        var textParts = FindTextParts(zip, name);
        var environment = TemplateHelpers.CreateEnvironment();
        var bookmarks = new BookmarkCollector();
        var parts = new List<TemplatePart>();
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            var bytes = PackageGuard.ReadBounded(entry);
            parts.Add(textParts.Contains(entry.FullName)
                ? new TemplatePart(ZipEntryName.Of(entry.FullName), CompilePart(entry.FullName, bytes, environment, bookmarks, problems), null, Stored: bytes.Length < TemplatePart.StoredBelowBytes)
                : new TemplatePart(ZipEntryName.Of(entry.FullName), null, PackedEntry.Pack(entry.FullName, bytes)));
        }

        if (problems.Count > 0)
        {
            throw new TemplateException(name, problems);
        }

        return new CompiledTemplate(name, source, parts, new BookmarkTable(bookmarks.Names, bookmarks.FirstToc));
    }

    /// <summary>Compiles a template only to report its problems (none when it compiles).</summary>
    public static TemplateCheckResult Check(ReadOnlyMemory<byte> docx, string name)
    {
        try
        {
            Compile(docx, name);
            return new TemplateCheckResult(name, true, []);
        }
        catch (TemplateException ex)
        {
            return new TemplateCheckResult(name, false, ex.Problems);
        }
    }

    private static HandlebarsTemplate<TextWriter, object, object>? CompilePart(
        string partName, byte[] xml, IHandlebars environment, BookmarkCollector bookmarks, List<TemplateProblem> problems)
    {
        XDocument document;
        try
        {
            if (SafeXml.Measure(xml) is { } tooBig)
            {
                problems.Add(new TemplateProblem(RuleCodes.T10, new TemplateLocation(partName, null, null, null, null, ""), tooBig.Message, tooBig.MessageEn));
                return null;
            }

            document = SafeXml.Load(xml);
        }
        catch (XmlException ex)
        {
            problems.Add(new TemplateProblem(RuleCodes.T0, new TemplateLocation(partName, null, null, null, null, ""),
                $"模板部件 {partName} 不是有效的 XML：{ex.Message}", $"Part {partName} is not well-formed XML: {ex.Message}"));
            return null;
        }

        var before = problems.Count;
        var compiler = new PartCompiler(partName, bookmarks, problems);
        var text = compiler.Compile(document);
        if (problems.Count > before)
        {
            return null;
        }

        try
        {
            return environment.Compile(new StringReader(text));
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            compiler.LocateSyntaxErrors(tag =>
            {
                try
                {
                    environment.Compile(tag);
                    return null;
                }
                catch (Exception error) when (IsParseFailure(error))
                {
                    return error;
                }
            });
            return null;
        }
    }

    /// <summary>
    /// Handlebars.Net reports most syntax errors as <see cref="HandlebarsException"/>, but some
    /// malformed blocks end in other exceptions from inside its parser (found by fuzzing:
    /// "Sequence contains more than one element"): all of them are a tag the admin must fix.
    /// </summary>
    private static bool IsParseFailure(Exception ex)
        => ex is HandlebarsException or InvalidOperationException or ArgumentException or NullReferenceException or IndexOutOfRangeException or InvalidCastException or FormatException;

    private static ZipArchive Open(byte[] docx, string name)
    {
        try
        {
            return new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw NotAWordDocument(name, ex.Message);
        }
    }

    /// <summary>The package parts whose text may hold tags, as zip entry names.</summary>
    private static HashSet<string> FindTextParts(ZipArchive zip, string name)
    {
        try
        {
            return PackageParts.FindTextParts(zip);
        }
        catch (InvalidDataException ex)
        {
            throw NotAWordDocument(name, ex.Message);
        }
    }

    private static TemplateException NotAWordDocument(string name, string why)
        => new(name, [new TemplateProblem(RuleCodes.T0, null, $"不是有效的 Word 文档（.docx）：{why}", $"Not a valid Word document (.docx): {why}")]);
}
