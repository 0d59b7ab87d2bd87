using System.IO.Compression;
using System.Text;
using DocGen.Rendering.Model;
using HandlebarsDotNet;

namespace DocGen.Rendering.Engine;

/// <summary>
/// Writes a document: each compiled part streams its XML straight into the zip entry; the other
/// parts are copied. Entry timestamps are fixed, so the same input and template give the same bytes.
/// </summary>
public static class DocxRenderer
{
    /// <summary>The timestamp of every entry (zip needs one; the clock would break determinism).</summary>
    public static readonly DateTimeOffset EntryTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Render(CompiledTemplate template, DocumentModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        // The render's own state, passed as Handlebars data: one model may be rendered by several threads at once.
        var data = new Dictionary<string, object> { [InternalHelpers.StateKey] = new RenderState(template.Bookmarks) };
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: s_utf8);
        foreach (var part in template.Parts)
        {
            var entry = zip.CreateEntry(part.EntryName, part.Compression);
            entry.LastWriteTime = EntryTimestamp;
            using var stream = entry.Open();
            if (part.Template is null)
            {
                stream.Write(part.Bytes);
                continue;
            }

            // A small buffer: 64K chars would be two large-object-heap arrays per part per document.
            using var writer = new StreamWriter(stream, s_utf8, bufferSize: 4096);
            try
            {
                part.Template(writer, model, data);
            }
            catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
            {
                throw new TemplateRenderException(template.Name, part.EntryName, ex);
            }
        }
    }
}
