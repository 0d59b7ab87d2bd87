using System.IO.Compression;
using HandlebarsDotNet;

namespace DocGen.Rendering.Engine;

/// <summary>
/// A template compiled once per version: its XML parts as compiled Handlebars delegates that
/// write the part's XML straight into the output, and every other part as the template's bytes.
/// Thread-safe: any number of renders may share it.
/// </summary>
public sealed class CompiledTemplate
{
    internal CompiledTemplate(string name, string sha256, IReadOnlyList<TemplatePart> parts, BookmarkTable bookmarks)
    {
        Name = name;
        Sha256 = sha256;
        Parts = parts;
        Bookmarks = bookmarks;
    }

    /// <summary>The template's file name (for receipts and logs).</summary>
    public string Name { get; }

    /// <summary>SHA-256 of the template file, lower-case hex.</summary>
    public string Sha256 { get; }

    internal IReadOnlyList<TemplatePart> Parts { get; }

    internal BookmarkTable Bookmarks { get; }
}

/// <summary>One entry of the output package: compiled (document, headers, footers) or copied as is.</summary>
internal sealed record TemplatePart(string EntryName, CompressionLevel Compression, HandlebarsTemplate<TextWriter, object, object>? Template, byte[]? Bytes);
