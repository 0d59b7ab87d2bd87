using System.Globalization;

namespace DocGen.Worker.Service;

/// <summary>The service's folders, resolved to full paths, and the naming rules that go with them.</summary>
public sealed class InboxFolders
{
    public InboxFolders(DocGenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = Path.GetFullPath(options.Root);
        Inbox = Under(options.Inbox);
        Processing = Under(options.Processing);
        Out = Under(options.Out);
        Failed = Under(options.Failed);
        Archive = Under(options.Archive);
        Quarantine = Under(options.Quarantine);
        PdfPending = Under(options.PdfPending);
    }

    public string Root { get; }

    public string Inbox { get; }

    public string Processing { get; }

    public string Out { get; }

    public string Failed { get; }

    public string Archive { get; }

    /// <summary>Entries found in DocGen's own folders that it did not make, moved aside (see <see cref="DocGenOptions.Quarantine"/>).</summary>
    public string Quarantine { get; }

    /// <summary>Published documents whose PDF waits for the environment to recover (see <see cref="DocGenOptions.PdfPending"/>).</summary>
    public string PdfPending { get; }

    public IEnumerable<string> All => [Inbox, Processing, Out, Failed, Archive, Quarantine, PdfPending];

    public void CreateAll()
    {
        foreach (var folder in All)
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>
    /// Runs a step that writes into the output folders; when one of them has gone (renamed or
    /// deleted by someone while the service runs), recreates them and runs it once more.
    /// </summary>
    public T Recreating<T>(Func<T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            return step();
        }
        catch (DirectoryNotFoundException) when (All.Any(static f => !Directory.Exists(f)))
        {
            CreateAll();
            return step();
        }
    }

    /// <summary>
    /// Whether a name in the inbox is a submission: <c>*.json</c> or a workbook (<c>*.xlsx</c>, and
    /// the other spreadsheet formats, which are refused with a report), not hidden (<c>.*</c>), not
    /// an Office lock file (<c>~$*</c>), not a temporary or partial file (<c>*.tmp.*</c>, <c>*.part.*</c>).
    /// </summary>
    public static bool IsSubmissionName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (Pipeline.SubmissionFormats.ExtensionOf(fileName) is not { } extension || fileName.StartsWith('.') || fileName.StartsWith("~$", StringComparison.Ordinal))
        {
            return false;
        }

        var stem = fileName[..^extension.Length];
        return !stem.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) && !stem.EndsWith(".part", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The versioned stem for the n-th submission of a name: <c>report</c>, then <c>report.2</c>,
    /// <c>report.3</c>, …, so a reused name never overwrites an earlier document or archive entry.
    /// </summary>
    public static string Versioned(string stem, int n) => n <= 1 ? stem : stem + "." + n.ToString(CultureInfo.InvariantCulture);

    private string Under(string folder) => Path.GetFullPath(Path.Combine(Root, folder));
}
