namespace DocGen.Worker.Service;

/// <summary>
/// Tells failures of the environment (a full disk, a share that is gone, permissions of the
/// service's folders) from failures of one submission. The first are no fault of the submission:
/// its claim waits and is tried again, however long it takes; only the second count towards
/// giving a claim up.
/// </summary>
public static class Failures
{
    // errno values (Linux): EIO, EROFS, ENOSPC, ENOTCONN, ETIMEDOUT, EHOSTDOWN, EHOSTUNREACH, ESTALE, EDQUOT, ECONNRESET, ECONNABORTED.
    private static readonly HashSet<int> s_environmentalErrnos = [5, 30, 28, 107, 110, 112, 113, 116, 122, 104, 103];

    // Windows HRESULTs: disk full, handle disk full, network name deleted, bad net path, network unreachable.
    private static readonly HashSet<int> s_environmentalHResults = [unchecked((int)0x80070070), unchecked((int)0x80070027), unchecked((int)0x80070040), unchecked((int)0x80070035), unchecked((int)0x800704CF)];

    public static bool IsEnvironmental(Exception exception) => exception switch
    {
        DirectoryNotFoundException or UnauthorizedAccessException => true,
        IOException io => s_environmentalErrnos.Contains(io.HResult) || s_environmentalHResults.Contains(io.HResult),
        _ => false,
    };
}
