using System.Globalization;
using System.IO.Compression;
using DocGen.Core.Validation;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// The zip of an untrusted .xlsx, read as an Open XML package without a library's help: its
/// entries inspected before anything is inflated (count, stated sizes and ratio, macros, links),
/// relationships resolved to entry names, and each part opened as bounded, streamed XML. Nothing
/// is copied: the SDK's package layer wrote every workbook to a temporary file.
/// </summary>
internal sealed class WorkbookPackage : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReadBudget _budget;

    /// <summary>Opens the zip's central directory; an <see cref="InvalidDataException"/> when it has none (a copy cut short).</summary>
    public WorkbookPackage(ArraySegment<byte> bytes, ReadBudget budget)
    {
        _budget = budget;
        _zip = new ZipArchive(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), ZipArchiveMode.Read);
        foreach (var entry in _zip.Entries)
        {
            _entries.TryAdd(entry.FullName.TrimStart('/'), entry);
        }
    }

    /// <summary>The zip before any part is inflated: bounded, no macros, no links to other files.</summary>
    public ValidationIssue? Inspect()
    {
        var limits = _budget.Limits;
        if (_zip.Entries.Count > limits.MaxEntries)
        {
            return WorkbookIssues.TooBig(
                string.Create(CultureInfo.InvariantCulture, $"包含 {_zip.Entries.Count:N0} 个部件，超过上限 {limits.MaxEntries:N0} 个"),
                string.Create(CultureInfo.InvariantCulture, $"{_zip.Entries.Count:N0} parts, more than {limits.MaxEntries:N0}"));
        }

        long total = 0;
        foreach (var entry in _zip.Entries)
        {
            if (entry.Length > 1048576 && entry.Length > entry.CompressedLength * limits.MaxRatio)
            {
                return WorkbookIssues.TooBig(
                    string.Create(CultureInfo.InvariantCulture, $"部件“{Quoted.Of(entry.FullName)}”压缩比异常（超过 {limits.MaxRatio} 倍），可能是“压缩炸弹”"),
                    string.Create(CultureInfo.InvariantCulture, $"the part '{Quoted.Of(entry.FullName)}' has an abnormal compression ratio (over {limits.MaxRatio} to 1): possibly a zip bomb"));
            }

            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
            {
                return WorkbookIssues.TooBig($"解压后超过 {limits.MaxUncompressedBytes / 1048576} MB", $"over {limits.MaxUncompressedBytes / 1048576} MB uncompressed");
            }

            var name = entry.FullName;
            if (name.Contains("vbaProject", StringComparison.OrdinalIgnoreCase) || name.Contains("vbaData", StringComparison.OrdinalIgnoreCase))
            {
                return WorkbookIssues.Macros(name);
            }

            if (name.StartsWith("xl/externalLinks/", StringComparison.OrdinalIgnoreCase))
            {
                return WorkbookIssues.ExternalLinks();
            }
        }

        return null;
    }

    public bool Has(string part) => _entries.ContainsKey(part);

    /// <summary>A part as streamed XML, or null when the package has no such part.</summary>
    public PartXml? Open(string part, string place, string placeEn, string? sheet = null)
        => _entries.TryGetValue(part, out var entry) ? new PartXml(entry.Open(), _budget, part, place, placeEn, sheet) : null;

    /// <summary>The content type of a part: its override, or the default for its extension.</summary>
    public string? ContentType(string part)
    {
        using var xml = Open("[Content_Types].xml", "部件“[Content_Types].xml”", "the part '[Content_Types].xml'");
        if (xml is null)
        {
            return null;
        }

        string? byExtension = null;
        var extension = Path.GetExtension(part).TrimStart('.');
        while (xml.Read())
        {
            if (xml.IsElement("Override") && string.Equals(xml.Attribute("PartName")?.TrimStart('/'), part, StringComparison.OrdinalIgnoreCase))
            {
                return xml.Attribute("ContentType");
            }

            if (xml.IsElement("Default") && string.Equals(xml.Attribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
            {
                byExtension = xml.Attribute("ContentType");
            }
        }

        return byExtension;
    }

    /// <summary>The relationships of a part (the package's own for ""), targets resolved to entry names.</summary>
    public IReadOnlyList<PartRelationship> Relationships(string part)
    {
        var folder = part.Contains('/', StringComparison.Ordinal) ? part[..(part.LastIndexOf('/') + 1)] : "";
        var relsName = $"{folder}_rels/{part[folder.Length..]}.rels";
        var relationships = new List<PartRelationship>();
        using var xml = Open(relsName, $"部件“{relsName}”", $"the part '{relsName}'");
        while (xml is not null && xml.Read())
        {
            if (xml.IsElement("Relationship") && xml.Attribute("Id") is { } id && xml.Attribute("Type") is { } type && xml.Attribute("Target") is { } target)
            {
                var external = string.Equals(xml.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                relationships.Add(new PartRelationship(id, type, external ? target : Resolve(folder, target), external));
                if (relationships.Count > _budget.Limits.MaxEntries)
                {
                    throw xml.Limit($"关系超过 {_budget.Limits.MaxEntries} 条", $"over {_budget.Limits.MaxEntries} relationships");
                }
            }
        }

        return relationships;
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>A relationship's target as an entry name: relative to the source part's folder, or from the package root when it starts with '/'.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = Uri.UnescapeDataString(target);
        var segments = new List<string>();
        foreach (var segment in (path.StartsWith('/') ? path : folder + path).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
