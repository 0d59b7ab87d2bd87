using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocGen.Worker.IO;

namespace DocGen.Worker.Service;

/// <summary>
/// Moves aside what DocGen finds in its own folders and did not make — a link, FIFO or folder
/// under a name it was about to use, a publish manifest it cannot vouch for — into
/// <see cref="InboxFolders.Quarantine"/>, with a log line. A rename never follows a link nor opens
/// what it moves, so nothing planted is read, waited on or lost: the operator finds it there.
/// </summary>
public sealed class Quarantine(InboxFolders folders, TimeProvider time, ILogger<Quarantine> logger)
{
    /// <summary>Longest kept part of a quarantined name in UTF-8 bytes: the time, the folder and a version still fit in 255.</summary>
    private const int MaxNameBytes = 160;

    /// <summary>
    /// Moves the entry at <paramref name="path"/>, whatever it is, into quarantine under a name
    /// that says when and from where. False when there was nothing to move or it could not be
    /// moved (logged; the caller then leaves the name alone). <paramref name="detail"/> says more, for the log.
    /// </summary>
    public bool MoveAside(string path, QuarantineReason reason, string detail = "")
    {
        var found = SafeFile.Inspect(path);
        if (found.Kind == EntryKind.Missing)
        {
            return false;
        }

        var origin = Path.GetRelativePath(folders.Root, Path.GetDirectoryName(path)!).Replace(Path.DirectorySeparatorChar, '_');
        var name = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{origin}-{Kept(Path.GetFileName(path))}");
        try
        {
            Directory.CreateDirectory(folders.Quarantine);
            for (var n = 1; ; n++)
            {
                var target = Path.Combine(folders.Quarantine, InboxFolders.Versioned(name, n));
                try
                {
                    NoReplaceMove.Rename(path, target); // never a copy: a copy would open what it moves
                    logger.MovedAside(found.Kind, path, reason, detail.Length == 0 ? "" : ": " + detail, target);
                    return true;
                }
                catch (IOException ex) when (ex.HResult == Errno.EEXIST && n < 1000)
                {
                    // quarantined twice within a second: the next version
                }
            }
        }
        catch (FileNotFoundException)
        {
            return false; // gone meanwhile
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.NotMovedAside(found.Kind, path, reason, detail.Length == 0 ? "" : ": " + detail, ex.Message);
            return false;
        }
    }

    /// <summary>A planted name may be 255 bytes already: a longer one keeps its start and a digest of the whole.</summary>
    private static string Kept(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxNameBytes)
        {
            return name;
        }

        var kept = new StringBuilder();
        var bytes = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if ((bytes += rune.Utf8SequenceLength) > MaxNameBytes - 9)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept.Append('~').Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8]).ToString();
    }
}
