namespace DocGen.Worker.IO;

/// <summary>
/// The Linux errno values DocGen decides on, in one place: the system calls it makes itself
/// (<see cref="SafeFile"/>, <see cref="NoReplaceMove"/>, <see cref="DurableFolder"/>) and the
/// <see cref="IOException.HResult"/> of .NET's own I/O errors on Unix, which is the errno.
/// </summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int EXDEV = 18;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EINVAL = 22;
    public const int ENFILE = 23;
    public const int EMFILE = 24;
    public const int ENOSPC = 28;
    public const int EROFS = 30;
    public const int ENOSYS = 38;
    public const int ELOOP = 40;
    public const int EOPNOTSUPP = 95;
    public const int ECONNABORTED = 103;
    public const int ECONNRESET = 104;
    public const int ENOTCONN = 107;
    public const int ETIMEDOUT = 110;
    public const int EHOSTDOWN = 112;
    public const int EHOSTUNREACH = 113;
    public const int ESTALE = 116;
    public const int EDQUOT = 122;
}
