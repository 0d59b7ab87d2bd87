using DocGen.Worker.IO;

namespace DocGen.Worker.Service.Inbox;

/// <summary>
/// What a pass of the scan looks at: DocGen's folders — each there, and not replaced by a link since
/// the start — and the inbox's entries, whatever they are.
/// </summary>
/// <param name="logger">The inbox service's: its lines keep their category.</param>
public sealed class InboxScan(InboxFolders folders, ILogger<InboxService> logger)
{
    /// <summary>DocGen's folders that were links when it started (an operator's choice): a folder that becomes a link later was replaced.</summary>
    private HashSet<string> _linkedAtStart = [];

    /// <summary>
    /// Notes the folders that are links at the start: a link the operator made (owned by root or the
    /// service's user); one someone else made while the service was down is not trusted.
    /// </summary>
    public void NoteLinksAtStart()
        => _linkedAtStart = [.. folders.All.Where(static f => SafeFile.Inspect(f) is { Kind: EntryKind.SymbolicLink } link && (link.Owner == 0 || link.Owner == OwnFile.ProcessOwner))];

    /// <summary>
    /// Recreates a folder someone removed or renamed while the service runs. A folder replaced by a
    /// link (to a folder elsewhere, where DocGen would then write and delete) loses the link — it
    /// holds nothing — and is made again. True when the inbox itself was made again (its watcher must start again).
    /// </summary>
    public bool EnsureFolders()
    {
        foreach (var folder in folders.All.Where(f => !_linkedAtStart.Contains(f) && SafeFile.Inspect(f).Kind == EntryKind.SymbolicLink))
        {
            logger.FolderReplacedByLink(folder, new FileInfo(folder).LinkTarget ?? "");
            File.Delete(folder); // removes the link itself, never what it points to
        }

        if (folders.All.All(Directory.Exists))
        {
            return false;
        }

        var inboxWasGone = !Directory.Exists(folders.Inbox);
        folders.CreateAll();
        return inboxWasGone;
    }

    /// <summary>
    /// The inbox's entries, whatever they are (a folder or link named <c>x.json</c> is refused with
    /// a report, not ignored). A name that is not valid UTF-8 is first renamed to its escaped form.
    /// </summary>
    public List<string> Entries()
    {
        var entries = Directory.EnumerateFileSystemEntries(folders.Inbox).ToList();
        if (entries.Any(static e => e.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            foreach (var raw in RawNames.FindInvalid(folders.Inbox))
            {
                var escaped = RawNames.Escape(raw);
                if (InboxFolders.IsSubmissionName(escaped) && RawNames.TryRename(folders.Inbox, raw, escaped))
                {
                    logger.RenamedInvalidName(escaped);
                }
            }

            entries = Directory.EnumerateFileSystemEntries(folders.Inbox).ToList();
        }

        return entries;
    }
}
