using System.Globalization;
using DocGen.Worker.IO;
using Microsoft.Win32.SafeHandles;
using Polly;

namespace DocGen.Worker.Service.Claims;

/// <summary>
/// Owns the claims in <c>processing/</c>: takes an inbox file by an atomic rename into a new
/// folder whose lock this process holds (a second process renaming the same file finds it gone),
/// and finds the claims that no running process owns — left by a crash — to finish them.
/// </summary>
public sealed class ClaimStore(
    InboxFolders folders,
    [FromKeyedServices(ServiceRegistration.IoPipeline)] ResiliencePipeline io,
    TimeProvider time,
    Quarantine quarantine,
    ILogger<ClaimStore> logger)
{
    /// <summary>The lock file inside each claim; whoever holds it open owns the claim.</summary>
    public const string LockFile = ".docgen-lock";

    private const int Attempts = 3;

    /// <summary>
    /// Claims an inbox file: a new claim folder whose lock this process holds, then one atomic
    /// rename of the file into it. Null when another process took the file first (or it is gone).
    /// </summary>
    public Claim? TryClaim(string inboxPath)
    {
        var claim = NewClaim(Path.GetFileName(inboxPath));
        if (claim is null)
        {
            return null;
        }

        try
        {
            // One rename of the entry itself, whatever it is (a link is moved, not followed): atomic
            // on the source, and the target, in a new folder of ours, cannot exist.
            io.Execute(static state => NoReplaceMove.Move(state.Source, state.Target), (Source: inboxPath, Target: Path.Combine(claim.Folder, Path.GetFileName(inboxPath))));
            return claim;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException || (ex is IOException && ex.HResult == Errno.EEXIST))
        {
            // Another process took it first (or it was removed): not ours.
            claim.Discard();
            claim.Dispose();
            return null;
        }
        catch
        {
            // Anything else is the environment's (a full disk, a share gone): the entry stays in the
            // inbox, and the caller logs it (once a minute per kind) instead of taking it for a race lost.
            claim.Discard();
            claim.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The claims nobody owns, each now locked by this process (the caller disposes each); a
    /// claim another live process works on is skipped. DocGen makes only folders here: anything
    /// else (a link to a folder elsewhere, a FIFO, a file) is moved aside, never entered.
    /// </summary>
    public IEnumerable<Claim> TakeAbandoned()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folders.Processing).Order(StringComparer.Ordinal).ToList())
        {
            var kind = SafeFile.Inspect(entry).Kind;
            if (kind == EntryKind.Directory)
            {
                if (TryOwn(entry) is { } claim)
                {
                    yield return claim;
                }
            }
            else if (kind != EntryKind.Missing && !(kind == EntryKind.Regular && Path.GetFileName(entry).StartsWith('.')))
            {
                quarantine.MoveAside(entry, QuarantineReason.NotAClaim); // hidden files are desktop clients' litter (.DS_Store), left alone
            }
        }
    }

    /// <summary>A new, empty claim folder locked by this process; null when none could be locked.</summary>
    private Claim? NewClaim(string fileName)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // A recovery pass (this instance's or another's) may lock a new, still empty folder in
            // the instant before its creator does; it then removes it, and the creator takes
            // another instead of leaving the file for the next rescan.
            var id = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}")[..30];
            var folder = Path.Combine(folders.Processing, id);
            Directory.CreateDirectory(folder);
            if (TryOwn(folder) is { } claim)
            {
                return claim;
            }

            RemoveUnowned(folder);
        }

        logger.ClaimNotLocked(fileName, folders.Processing, Attempts);
        return null;
    }

    /// <summary>
    /// Takes a claim folder's lock (creating it if needed), or null when another process holds it.
    /// A lock file that is not DocGen's (a link, FIFO, folder, a file with two names) is moved
    /// aside and a fresh one taken: it is never opened through.
    /// </summary>
    private Claim? TryOwn(string folder, bool again = false)
    {
        var path = Path.Combine(folder, LockFile);
        SafeFileHandle? handle;
        EntryInfo found;
        try
        {
            handle = OwnFile.Open(path, create: true, out found);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (handle is null)
        {
            var planted = found.Kind is not (EntryKind.Regular or EntryKind.Missing) || found.Links > 1;
            return planted && !again && quarantine.MoveAside(path, QuarantineReason.PlantedLock) ? TryOwn(folder, again: true) : null;
        }

        if (!OwnFile.TryLock(handle))
        {
            handle.Dispose();
            return null;
        }

        return new Claim(folder, handle, quarantine);
    }

    /// <summary>
    /// Removes a new claim folder this process could not lock, when it is still empty: a recovery
    /// pass that locked it removes it itself; any other failure (permissions, no space) must not
    /// leave empty folders behind at every attempt.
    /// </summary>
    private static void RemoveUnowned(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: false);
        }
        catch (IOException)
        {
            // not empty (a recovery pass's lock file is in it): that pass removes it
        }
        catch (UnauthorizedAccessException)
        {
            // the same failure that refused the lock
        }
    }
}
