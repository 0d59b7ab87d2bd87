using System.Runtime.InteropServices;

namespace DocGen.Worker.IO;

/// <summary>
/// Flushes a folder to disk (<c>fsync</c> on the folder itself), so that the names created,
/// renamed into or removed from it survive a power cut: flushing a file makes its bytes durable,
/// not its name. On Linux only (where the service is deployed); elsewhere it does nothing (NTFS
/// logs its metadata itself, and .NET cannot open a folder for flushing).
/// </summary>
public static partial class DurableFolder
{
    private const int ORdOnly = 0;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;

    /// <summary>O_DIRECTORY (x64, arm64): a FIFO planted in a folder's place fails at once (ENOTDIR) instead of blocking the open.</summary>
    private static readonly int s_directory = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? 0x4000 : 0x10000;

    public static void Flush(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = OpenFolder(folder);

        try
        {
            int result;
            do
            {
                result = Fsync(fd);
            }
            while (result != 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);

            // Errno.EINVAL: a file system that cannot flush a folder (some network and FUSE mounts): nothing more can be done there.
            if (result != 0 && Marshal.GetLastPInvokeError() is var errno && errno != Errno.EINVAL)
            {
                throw Failure(errno, folder);
            }
        }
        finally
        {
            CloseFolder(fd);
        }
    }

    /// <summary>A descriptor of <paramref name="folder"/> itself, for flushing (never blocking on a FIFO in its place); closed with <see cref="CloseFolder"/>.</summary>
    internal static int OpenFolder(string folder)
    {
        var fd = Open(folder, ORdOnly | ONonBlock | OCloExec | s_directory);
        return fd >= 0 ? fd : throw Failure(Marshal.GetLastPInvokeError(), folder);
    }

    internal static void CloseFolder(int fd) => _ = Close(fd);

    private static IOException Failure(int errno, string folder)
        => new($"Cannot flush the folder '{folder}' to disk: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
