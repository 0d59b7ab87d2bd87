using DocGen.Worker.IO;

namespace DocGen.Worker.Service;

/// <summary>
/// Tells failures of the environment (a full disk, a share that is gone, permissions of the
/// service's folders) from failures of one submission. The first are no fault of the submission:
/// its claim waits and is tried again, however long it takes; only the second count towards
/// giving a claim up.
/// </summary>
public static class Failures
{
    // A submission's own file that cannot be read is refused before it is claimed (D11), so a
    // permission error here is one of the service's folders: the environment's.
    private static readonly HashSet<int> s_environmentalErrnos =
    [
        Errno.EIO, Errno.EROFS, Errno.ENOSPC, Errno.EDQUOT, // the disk
        Errno.EACCES, Errno.EPERM, // the service's folders' permissions
        Errno.ENOTCONN, Errno.ETIMEDOUT, Errno.EHOSTDOWN, Errno.EHOSTUNREACH, Errno.ESTALE, Errno.ECONNRESET, Errno.ECONNABORTED, // a share
        Errno.EMFILE, Errno.ENFILE, Errno.ENOMEM, Errno.EAGAIN, Errno.EBUSY, // the machine's resources
    ];

    // Windows HRESULTs: access denied, disk full, handle disk full, network name deleted, bad net path, network unreachable.
    private static readonly HashSet<int> s_environmentalHResults = [unchecked((int)0x80070005), unchecked((int)0x80070070), unchecked((int)0x80070027), unchecked((int)0x80070040), unchecked((int)0x80070035), unchecked((int)0x800704CF)];

    public static bool IsEnvironmental(Exception exception) => exception switch
    {
        DirectoryNotFoundException or UnauthorizedAccessException => true,
        IOException io => s_environmentalErrnos.Contains(io.HResult) || s_environmentalHResults.Contains(io.HResult),
        _ => false,
    };
}
