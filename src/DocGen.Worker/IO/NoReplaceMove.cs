using System.Runtime.InteropServices;

namespace DocGen.Worker.IO;

/// <summary>
/// Renames a file only if the target does not exist, atomically. On Unix .NET's
/// <c>File.Move(overwrite: false)</c> checks and then renames, which two processes can both pass.
/// On Linux <c>renameat2(RENAME_NOREPLACE)</c> does it in one call; where the file system does not
/// support that flag, <c>link(2)</c> + <c>unlink(2)</c> (it fails with Errno.EEXIST instead, so exactly one
/// process wins). On Windows the move itself refuses an existing target.
/// </summary>
public static partial class NoReplaceMove
{
    private const int AT_FDCWD = -100;
    private const uint RENAME_NOREPLACE = 1;

    /// <summary>Set once a file system here has refused <c>RENAME_NOREPLACE</c>: then only <c>link(2)</c> is tried (what one mount refuses, the others of this machine are not asked again).</summary>
    private static volatile bool s_renameRefused;

    /// <summary>
    /// Moves <paramref name="source"/> to <paramref name="target"/>; throws <see cref="IOException"/>
    /// if the target exists and <see cref="FileNotFoundException"/> if the source does not.
    /// </summary>
    public static void Move(string source, string target) => Move(source, target, copyAcrossVolumes: true);

    /// <summary>
    /// The move as one rename or link only: across volumes it fails (<see cref="Errno.EXDEV"/>)
    /// instead of copying, since a copy opens what it moves (a FIFO, a link to <c>/dev/zero</c>).
    /// </summary>
    public static void Rename(string source, string target) => Move(source, target, copyAcrossVolumes: false);

    private static void Move(string source, string target, bool copyAcrossVolumes)
    {
        if (OperatingSystem.IsWindows())
        {
            File.Move(source, target, overwrite: false);
            return;
        }

        if (OperatingSystem.IsLinux() && !s_renameRefused)
        {
            int result;
            try
            {
                result = RenameAt2(AT_FDCWD, source, AT_FDCWD, target, RENAME_NOREPLACE);
            }
            catch (EntryPointNotFoundException)
            {
                result = -1; // a C library older than glibc 2.28
                Marshal.SetLastPInvokeError(Errno.ENOSYS);
            }

            if (result == 0)
            {
                return;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno is Errno.EINVAL or Errno.ENOSYS or Errno.EOPNOTSUPP)
            {
                s_renameRefused = true; // e.g. an NFS or SMB mount
            }
            else if (errno != Errno.EXDEV)
            {
                throw Failure(errno, source, target);
            }
        }

        MoveByLink(source, target, copyAcrossVolumes);
    }

    /// <summary>
    /// The move where <c>RENAME_NOREPLACE</c> is refused: <c>link(2)</c>, which fails when the
    /// target exists, then <c>unlink(2)</c> of the source. Internal so that tests cover this path
    /// directly, without changing what the rest of the process does.
    /// </summary>
    internal static void MoveByLink(string source, string target, bool copyAcrossVolumes = true)
    {
        if (Link(source, target) == 0)
        {
            // The source must go exactly once: when two processes link the same source to
            // different targets, only the one whose unlink succeeds has moved it.
            if (Unlink(source) == 0)
            {
                return;
            }

            var unlinkErrno = Marshal.GetLastPInvokeError();
            Unlink(target);
            throw Failure(unlinkErrno, source, target);
        }

        var linkErrno = Marshal.GetLastPInvokeError();
        if (linkErrno is Errno.EEXIST or Errno.ENOENT)
        {
            throw Failure(linkErrno, source, target);
        }

        if (!copyAcrossVolumes)
        {
            throw Failure(linkErrno, source, target);
        }

        // Another volume (Errno.EXDEV), or a file system without hard links: the best the platform
        // offers (a copy across volumes; see docs/operator.md on folders on different volumes).
        File.Move(source, target, overwrite: false);
    }

    /// <summary>
    /// The same for NUL-terminated byte paths (names that are not valid UTF-8): true when moved,
    /// false when the target exists or the source is gone.
    /// </summary>
    internal static unsafe bool RenameNoReplace(byte* source, byte* target)
    {
        if (RenameAt2Raw(AT_FDCWD, source, AT_FDCWD, target, RENAME_NOREPLACE) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno is Errno.EEXIST or Errno.ENOENT)
        {
            return false;
        }

        if (errno is not (Errno.EINVAL or Errno.ENOSYS or Errno.EOPNOTSUPP))
        {
            throw new IOException($"Cannot rename: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);
        }

        if (LinkRaw(source, target) != 0)
        {
            return false;
        }

        if (UnlinkRaw(source) == 0)
        {
            return true;
        }

        UnlinkRaw(target);
        return false;
    }

    private static IOException Failure(int errno, string source, string target) => errno switch
    {
        Errno.EEXIST => new IOException($"'{target}' already exists.", Errno.EEXIST),
        Errno.ENOENT when !File.Exists(source) => new FileNotFoundException($"'{source}' does not exist.", source),
        Errno.ENOENT => new DirectoryNotFoundException($"The folder of '{target}' does not exist."),
        _ => new IOException($"Cannot move '{source}' to '{target}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno),
    };

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static unsafe partial int RenameAt2Raw(int oldDirectory, byte* oldPath, int newDirectory, byte* newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true)]
    private static unsafe partial int LinkRaw(byte* oldPath, byte* newPath);

    [LibraryImport("libc", EntryPoint = "unlink", SetLastError = true)]
    private static unsafe partial int UnlinkRaw(byte* path);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldPath, string newPath);

    [LibraryImport("libc", EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Unlink(string path);
}
