namespace DocGen.Worker.IO;

/// <summary>How an attempt to read an untrusted file ended.</summary>
public enum SafeReadOutcome
{
    /// <summary>Read whole (at most the limit).</summary>
    Read,

    /// <summary>No such entry (another process took it).</summary>
    Missing,

    /// <summary>Not a regular file: a link, FIFO, socket, device or folder; never opened for reading.</summary>
    NotRegular,

    /// <summary>A regular file with more than one name (a hard link, possibly to a file outside the folder).</summary>
    HardLink,

    /// <summary>Larger than the limit: nothing more than the limit was read.</summary>
    TooLarge,

    /// <summary>The service may not read it (permissions).</summary>
    AccessDenied,
}
