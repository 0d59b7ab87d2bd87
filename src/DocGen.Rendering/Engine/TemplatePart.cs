using HandlebarsDotNet;

namespace DocGen.Rendering.Engine;

/// <summary>One entry of the output package: compiled (document, headers, footers) or copied as is, deflated once.</summary>
internal sealed record TemplatePart(string EntryName, HandlebarsTemplate<TextWriter, object, object>? Template, PackedEntry? Packed);
