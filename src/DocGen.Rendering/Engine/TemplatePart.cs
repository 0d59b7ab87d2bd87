using System.IO.Compression;
using HandlebarsDotNet;

namespace DocGen.Rendering.Engine;

/// <summary>One entry of the output package: compiled (document, headers, footers) or copied as is.</summary>
internal sealed record TemplatePart(string EntryName, CompressionLevel Compression, HandlebarsTemplate<TextWriter, object, object>? Template, byte[]? Bytes);
