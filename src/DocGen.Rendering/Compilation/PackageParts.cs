using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Finds the parts of a Word package that hold text (main document, headers, footers, notes)
/// by following its relationships, as Word does, rather than by file names (editors name them
/// differently). Reading the two relationship parts directly keeps the Open XML SDK (about 10 MB
/// of working set) out of the service.
/// </summary>
internal static class PackageParts
{
    private static readonly XNamespace s_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeDocument = "/officeDocument";
    private static readonly string[] s_textRelationships = ["/header", "/footer", "/footnotes", "/endnotes"];

    /// <summary>Zip entry names of the text parts; throws <see cref="InvalidDataException"/> when the package is not a Word document.</summary>
    public static HashSet<string> FindTextParts(ZipArchive zip)
    {
        var main = MainDocument(zip);
        var parts = new HashSet<string>(StringComparer.Ordinal) { main };
        foreach (var (type, target) in RelationshipsOf(zip, main))
        {
            if (s_textRelationships.Any(t => type.EndsWith(t, StringComparison.Ordinal)) && zip.GetEntry(target) is not null)
            {
                parts.Add(target);
            }
        }

        return parts;
    }

    /// <summary>The zip entry name of the main document, as <c>_rels/.rels</c> names it; throws <see cref="InvalidDataException"/> when there is none.</summary>
    public static string MainDocument(ZipArchive zip)
    {
        var main = Relationships(zip, "_rels/.rels", "")
            .FirstOrDefault(static r => r.Type.EndsWith(OfficeDocument, StringComparison.Ordinal)).Target
            ?? throw new InvalidDataException("the package has no main document (_rels/.rels names none)");
        return zip.GetEntry(main) is null ? throw new InvalidDataException($"the main document '{main}' is missing") : main;
    }

    /// <summary>The zip entry name of the main document's styles part, or null when it has none.</summary>
    public static string? StylesOf(ZipArchive zip, string main)
        => RelationshipsOf(zip, main).FirstOrDefault(static r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target is { } styles && zip.GetEntry(styles) is not null ? styles : null;

    /// <summary>The relationships of a part, targets resolved to zip entry names.</summary>
    private static List<(string Type, string Target)> RelationshipsOf(ZipArchive zip, string part)
    {
        var folder = part.Contains('/', StringComparison.Ordinal) ? part[..(part.LastIndexOf('/') + 1)] : "";
        return Relationships(zip, folder + "_rels/" + part[folder.Length..] + ".rels", folder);
    }

    private static List<(string Type, string Target)> Relationships(ZipArchive zip, string path, string baseFolder)
    {
        var entry = zip.GetEntry(path);
        if (entry is null)
        {
            return path == "_rels/.rels" ? throw new InvalidDataException("_rels/.rels is missing") : [];
        }

        using var stream = entry.Open();
        XDocument rels;
        try
        {
            rels = SafeXml.Load(stream);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"{path} is not well-formed XML: {ex.Message}", ex);
        }

        return [.. rels.Root!.Elements(s_rels + "Relationship")
            .Where(static r => (string?)r.Attribute("TargetMode") != "External")
            .Select(r => ((string?)r.Attribute("Type") ?? "", Resolve(baseFolder, (string?)r.Attribute("Target") ?? "")))];
    }

    /// <summary>A relationship target as a zip entry name: absolute (“/word/x.xml”) or relative to the source's folder.</summary>
    private static string Resolve(string baseFolder, string target)
    {
        var combined = target.StartsWith('/') ? target[1..] : baseFolder + target;
        var segments = new List<string>();
        foreach (var segment in Uri.UnescapeDataString(combined).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
