using System.Runtime.InteropServices;

namespace DocGen.Worker.IO;

/// <summary>
/// Flushes a whole file system at once (<c>syncfs</c>): every file's data and every name on it,
/// whoever wrote them. One call then does what a flush of each file and each folder would, which
/// lets the documents published together share their file flushes too. Only for local disks whose
/// file system honours it (ext2/3/4, XFS, Btrfs, F2FS); network shares do not all do so.
/// </summary>
public static partial class FileSystemSync
{
    /// <summary>The file systems known to make everything durable at a <c>syncfs</c> (statfs magic numbers).</summary>
    private static readonly HashSet<long> s_localDisks = [0xEF53 /* ext2/3/4 */, 0x58465342 /* XFS */, 0x9123683E /* Btrfs */, 0xF2F52010 /* F2FS */];

    /// <summary>Whether <paramref name="folder"/> is on a local disk whose file system a <c>syncfs</c> makes durable.</summary>
    public static bool IsLocalDisk(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[256]; // struct statfs is 120 bytes on 64-bit Linux; f_type comes first
        return StatFs(folder, buffer) == 0 && s_localDisks.Contains(MemoryMarshal.Read<long>(buffer));
    }

    /// <summary>Flushes the file system <paramref name="folder"/> is on.</summary>
    public static void Sync(string folder)
    {
        var fd = DurableFolder.OpenFolder(folder);
        try
        {
            if (SyncFs(fd) != 0)
            {
                throw Failure(Marshal.GetLastPInvokeError(), folder);
            }
        }
        finally
        {
            DurableFolder.CloseFolder(fd);
        }
    }

    private static IOException Failure(int errno, string folder)
        => new($"Cannot flush the file system of '{folder}' to disk: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);

    [LibraryImport("libc", EntryPoint = "statfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatFs(string path, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(int fd);
}
