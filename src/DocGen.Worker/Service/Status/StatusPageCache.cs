using System.Text;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Engine;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// The status page as UTF-8 bytes, rendered once per change and served to every reader: with 50
/// large reports it is megabytes, and rendering it per request let 2,000 concurrent loads take the
/// service to gigabytes (#33). What the page shows changes only with <see cref="ServiceStatus.Version"/>,
/// the template in use or its refused replacement's problems (each a new object when it changes),
/// the queue count and today's date; those are the key. One rebuild at a time: the readers that
/// meet a change wait for it rather than render the same page side by side.
/// </summary>
internal sealed class StatusPageCache(ServiceStatus status, TemplateStore templates, PdfOutput pdf, TimeProvider time)
{
    private readonly Lock _rebuild = new();
    private Rendered? _page;
    private long _renders;

    /// <summary>How many times the page was rendered (the tests see that readers without a change do not render it).</summary>
    internal long Renders => Interlocked.Read(ref _renders);

    /// <summary>The page for <paramref name="queued"/> entries in the queue, as it is now.</summary>
    public ReadOnlyMemory<byte> Page(int queued)
    {
        // Read before rendering: a change after this makes the next key differ, so the page is never older than its key.
        var key = new Key(status.Version, templates.Current, templates.Problems, queued, time.GetLocalNow().Date);
        if (Volatile.Read(ref _page) is { } page && page.Key.Matches(key))
        {
            return page.Bytes;
        }

        lock (_rebuild)
        {
            if (_page is { } built && built.Key.Matches(key))
            {
                return built.Bytes;
            }

            var bytes = Encoding.UTF8.GetBytes(StatusPage.Render(status, templates, pdf, queued, time));
            Volatile.Write(ref _page, new Rendered(key, bytes));
            Interlocked.Increment(ref _renders);
            return bytes;
        }
    }

    private sealed record Rendered(Key Key, byte[] Bytes);

    private readonly record struct Key(long Version, CompiledTemplate? Template, IReadOnlyList<TemplateProblem>? Problems, int Queued, DateTime Today)
    {
        // By reference: the store replaces them when they change, and comparing contents would cost what the cache saves.
        public bool Matches(Key other)
            => Version == other.Version && ReferenceEquals(Template, other.Template) && ReferenceEquals(Problems, other.Problems) && Queued == other.Queued && Today == other.Today;
    }
}
