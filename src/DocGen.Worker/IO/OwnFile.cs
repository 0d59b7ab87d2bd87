using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DocGen.Worker.IO;

/// <summary>
/// Files DocGen makes in its own folders (claims, <c>out/</c>, <c>archive/</c>, <c>failed/</c>),
/// which are shared folders too: anyone who can write there may have planted a link, a FIFO or a
/// device under the name DocGen is about to use. Such a file is opened only if it is a regular
/// file with one name — never through a link (<c>O_NOFOLLOW</c>), never blocking (<c>O_NONBLOCK</c>),
/// its kind taken from the open handle — and replaced by a rename, which never follows what it replaces.
/// Reading them is <see cref="SafeFile.Read"/> with a small bound.
/// </summary>
public static partial class OwnFile
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int CreatedMode = 0b110_100_100; // rw-r--r--, as .NET creates files

    /// <summary>
    /// Opens a file of DocGen's own for reading and writing (creating it when <paramref name="create"/>),
    /// or only for reading (<paramref name="readOnly"/>: a submitter's file, which the service may
    /// not be allowed to write); null when the name holds something else — a link, FIFO, device,
    /// folder, or a file with more than one name — or nothing. <paramref name="found"/> says what is there.
    /// </summary>
    public static SafeFileHandle? Open(string path, bool create, out EntryInfo found, bool readOnly = false)
    {
        if (!OperatingSystem.IsLinux() || SafeFile.NoFollowFlag is not { } noFollow)
        {
            return OpenPortable(path, create, out found, readOnly);
        }

        var flags = (readOnly ? 0 : SafeFile.ORdWr) | SafeFile.ONonBlock | SafeFile.OCloExec | noFollow | (create ? SafeFile.OCreat : 0);
        var fd = SafeFile.Open(path, flags, CreatedMode);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            found = errno is Errno.ENOENT ? EntryInfo.Missing : SafeFile.Inspect(path);
            return errno is Errno.ENOENT or Errno.ELOOP or Errno.ENXIO or Errno.EISDIR or Errno.ENOTDIR || found.Kind is not (EntryKind.Regular or EntryKind.Missing)
                ? null
                : throw SafeFile.Error(errno, path); // the environment's: permissions, a full disk, a share gone
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        found = SafeFile.InspectOpen(handle, path);
        if (found is { Kind: EntryKind.Regular, Links: 1 })
        {
            return handle;
        }

        handle.Dispose();
        return null;
    }

    /// <summary>
    /// Takes the advisory lock every DocGen process asks for on a claim's lock file (the one .NET
    /// takes for <see cref="FileShare.None"/>): false when another process holds it.
    /// </summary>
    public static bool TryLock(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!OperatingSystem.IsLinux())
        {
            return true; // the portable open already asked for no sharing
        }

        if (Flock((int)handle.DangerousGetHandle(), LockExclusive | LockNonBlocking) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is Errno.EAGAIN or Errno.EINTR ? false : throw new IOException($"Cannot lock a claim: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);
    }

    /// <summary>
    /// Writes a small file of DocGen's own whole, replacing whatever has that name (a planted link
    /// or FIFO is replaced, never followed): a new file beside it, renamed over it.
    /// </summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var fresh = path + ".new";
        File.Delete(fresh); // left by an interrupted write (a link there is removed, not followed)
        using (var handle = File.OpenHandle(fresh, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            RandomAccess.Write(handle, content, fileOffset: 0);
        }

        File.Move(fresh, path, overwrite: true);
    }

    /// <summary>The text of a small file of DocGen's own, or null when there is none or the name holds anything but a regular file of at most <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadSmall(string path, int maxBytes)
        => SafeFile.Read(path, maxBytes) is { Outcome: SafeReadOutcome.Read, Bytes: var bytes } ? bytes : null;

    private static SafeFileHandle? OpenPortable(string path, bool create, out EntryInfo found, bool readOnly)
    {
        found = SafeFile.Inspect(path);
        if (found.Kind is not (EntryKind.Regular or EntryKind.Missing) || (found.Kind == EntryKind.Missing && !create))
        {
            return null;
        }

        try
        {
            var handle = readOnly
                ? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)
                : File.OpenHandle(path, create ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            found = SafeFile.Inspect(path);
            return handle;
        }
        catch (FileNotFoundException)
        {
            found = EntryInfo.Missing;
            return null;
        }
        catch (IOException ex) when (ex is not (DirectoryNotFoundException or PathTooLongException) && File.Exists(path))
        {
            return null; // held by another process (Windows refuses the share): reported as not ours to open
        }
    }

    /// <summary>The user this process runs as (Linux); 0 elsewhere.</summary>
    public static uint ProcessOwner => OperatingSystem.IsLinux() ? GetEuid() : 0;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);
}
