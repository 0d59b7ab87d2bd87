using DocGen.Rendering.Model;
using HandlebarsDotNet;

namespace DocGen.Rendering.Engine;

/// <summary>
/// Writes a document: each compiled part streams its XML straight into its zip entry; the other
/// parts are copied, deflated once per template. Entry timestamps are fixed, so the same input and
/// template give the same bytes. The output must be seekable (see <see cref="ZipPackageWriter"/>).
/// </summary>
public static class DocxRenderer
{
    /// <summary>The timestamp of every entry (zip needs one; the clock would break determinism).</summary>
    public static readonly DateTimeOffset EntryTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Render(CompiledTemplate template, DocumentModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanSeek)
        {
            throw new ArgumentException("The document is written to a seekable stream (a MemoryStream or a file).", nameof(output));
        }

        // The render's own state, passed as Handlebars data: one model may be rendered by several threads at once.
        var data = new Dictionary<string, object> { [InternalHelpers.StateKey] = new RenderState(template.Bookmarks) };
        var zip = new ZipPackageWriter(output);
        using var writer = new PartTextWriter();
        foreach (var part in template.Parts)
        {
            if (part.Template is null)
            {
                zip.Add(part.Packed!);
                continue;
            }

            zip.Add(part.Entry, part.Stored, stream =>
            {
                writer.Begin(stream);
                try
                {
                    part.Template(writer, model, data);
                }
                catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
                {
                    throw new TemplateRenderException(template.Name, part.Entry.Text, ex);
                }

                writer.End();
            });
        }

        zip.Finish();
    }
}
