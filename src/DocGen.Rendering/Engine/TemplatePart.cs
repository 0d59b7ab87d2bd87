using HandlebarsDotNet;

namespace DocGen.Rendering.Engine;

/// <summary>
/// One entry of the output package: compiled (document, headers, footers; a small one stored
/// rather than deflated) or copied as is, deflated once.
/// </summary>
internal sealed record TemplatePart(ZipEntryName Entry, HandlebarsTemplate<TextWriter, object, object>? Template, PackedEntry? Packed, bool Stored = false)
{
    /// <summary>Rendered parts whose template is smaller than this are stored: deflating a few hundred bytes costs more than it saves.</summary>
    public const int StoredBelowBytes = 2048;
}
