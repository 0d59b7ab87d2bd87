using System.Security.Cryptography;

namespace DocGen.Rendering.Engine;

/// <summary>
/// A template compiled once per version: its XML parts as compiled Handlebars delegates that
/// write the part's XML straight into the output, and every other part as the template's bytes.
/// Thread-safe: any number of renders may share it.
/// </summary>
public sealed class CompiledTemplate
{
    private readonly byte[] _source;
    private string? _sha256;

    internal CompiledTemplate(string name, byte[] source, IReadOnlyList<TemplatePart> parts, BookmarkTable bookmarks)
    {
        Name = name;
        _source = source;
        Parts = parts;
        Bookmarks = bookmarks;
    }

    /// <summary>The template's file name (for receipts and logs).</summary>
    public string Name { get; }

    /// <summary>
    /// SHA-256 of the template file, lower-case hex; computed when first asked for (by receipts and
    /// logs), so that rendering alone never loads the platform's cryptography library (~5 MB).
    /// </summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(_source));

    /// <summary>A first guess of a document's size: the template's own, as most of a document is the template.</summary>
    public int SizeHint => _source.Length + 4096;

    internal IReadOnlyList<TemplatePart> Parts { get; }

    internal BookmarkTable Bookmarks { get; }
}
