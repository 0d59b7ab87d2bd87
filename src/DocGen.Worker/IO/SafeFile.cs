using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DocGen.Worker.IO;

/// <summary>
/// Reads files that anyone could have dropped, safely: an entry is opened only if it is a regular
/// file — never through a symbolic link (<c>O_NOFOLLOW</c>), never blocking on a FIFO or device
/// (<c>O_NONBLOCK</c>) — its kind and size are taken from the open handle (<c>statx</c>), and no more
/// than the limit plus one byte is ever read. On Linux through the C library; elsewhere through
/// .NET's file APIs, which see links and folders but not FIFOs.
/// </summary>
public static partial class SafeFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int ORdOnly = 0;
    internal const int ORdWr = 2;
    internal const int OCreat = 0x40;
    internal const int ONonBlock = 0x800;
    internal const int OCloExec = 0x80000;

    /// <summary>O_NOFOLLOW differs between the two 64-bit architectures .NET runs Linux on; null elsewhere (then links are checked before opening).</summary>
    private static readonly int? s_noFollow = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 0x20000,
        Architecture.Arm64 => 0x8000,
        _ => null,
    };

    /// <summary>O_NOFOLLOW on this Linux architecture; null elsewhere.</summary>
    internal static int? NoFollowFlag => s_noFollow;

    /// <summary>What the entry at <paramref name="path"/> is, without following a link.</summary>
    public static EntryInfo Inspect(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return InspectPortable(path);
        }

        Span<byte> buffer = stackalloc byte[StatxSize];
        return Statx(AtFdCwd, path, AtSymlinkNoFollow, buffer) is var errno and not 0
            ? errno is Errno.ENOENT or Errno.ENOTDIR ? EntryInfo.Missing : throw Error(errno, path)
            : Decode(buffer);
    }

    /// <summary>
    /// Reads an untrusted file: only a regular file with one name, and at most
    /// <paramref name="maxBytes"/> bytes (a larger one is <see cref="SafeReadOutcome.TooLarge"/>).
    /// </summary>
    public static SafeRead Read(string path, long maxBytes)
    {
        var before = Inspect(path);
        if (before.Kind != EntryKind.Regular)
        {
            return new SafeRead(before.Kind == EntryKind.Missing ? SafeReadOutcome.Missing : SafeReadOutcome.NotRegular, before, null);
        }

        if (!OperatingSystem.IsLinux() || s_noFollow is null)
        {
            return ReadPortable(path, before, maxBytes);
        }

        var fd = Open(path, ORdOnly | ONonBlock | OCloExec | s_noFollow.Value, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno switch
            {
                Errno.ENOENT or Errno.ENOTDIR => new SafeRead(SafeReadOutcome.Missing, EntryInfo.Missing, null),
                Errno.ELOOP or Errno.ENXIO => new SafeRead(SafeReadOutcome.NotRegular, Inspect(path), null),
                Errno.EACCES or Errno.EPERM => new SafeRead(SafeReadOutcome.AccessDenied, before, null, Marshal.GetPInvokeErrorMessage(errno)),
                _ => throw Error(errno, path),
            };
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        var info = InspectOpen(handle, path);
        return Judge(info, maxBytes) ?? ReadAll(handle, info, maxBytes);
    }

    /// <summary>What an open file is (Linux), from its handle: no name is looked up again.</summary>
    internal static EntryInfo InspectOpen(SafeFileHandle handle, string path)
    {
        Span<byte> buffer = stackalloc byte[StatxSize];
        var fd = (int)handle.DangerousGetHandle();
        return Statx(fd, "", AtEmptyPath, buffer) is var errno and not 0 ? throw Error(errno, path) : Decode(buffer);
    }

    /// <summary>The outcome for an entry that must not be read, or null when it may be.</summary>
    private static SafeRead? Judge(EntryInfo info, long maxBytes) => info switch
    {
        { Kind: not EntryKind.Regular } => new SafeRead(SafeReadOutcome.NotRegular, info, null),
        { Links: > 1 } => new SafeRead(SafeReadOutcome.HardLink, info, null),
        { Length: var n } when n > maxBytes => new SafeRead(SafeReadOutcome.TooLarge, info, null),
        _ => null,
    };

    /// <summary>Reads to the end, but never more than the limit plus one byte (the file may grow while it is read).</summary>
    private static SafeRead ReadAll(SafeFileHandle handle, EntryInfo info, long maxBytes)
    {
        var buffer = new byte[Math.Min(info.Length, maxBytes) + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    return new SafeRead(SafeReadOutcome.TooLarge, info with { Length = total }, null);
                }

                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
            }

            var n = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        Array.Resize(ref buffer, total);
        return new SafeRead(SafeReadOutcome.Read, info, buffer);
    }

    private static SafeRead ReadPortable(string path, EntryInfo before, long maxBytes)
    {
        if (Judge(before, maxBytes) is { } refused)
        {
            return refused;
        }

        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return ReadAll(handle, before, maxBytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new SafeRead(SafeReadOutcome.Missing, EntryInfo.Missing, null);
        }
        catch (UnauthorizedAccessException ex)
        {
            return new SafeRead(SafeReadOutcome.AccessDenied, before, null, ex.Message);
        }
    }

    private static EntryInfo InspectPortable(string path)
    {
        FileInfo file = new(path);
        if (file.LinkTarget is not null)
        {
            return new EntryInfo(EntryKind.SymbolicLink, 0, 1, DateTime.MinValue, 0, 0);
        }

        if (Directory.Exists(path))
        {
            return new EntryInfo(EntryKind.Directory, 0, 1, Directory.GetLastWriteTimeUtc(path), 0, 0);
        }

        return file.Exists ? new EntryInfo(EntryKind.Regular, file.Length, 1, file.LastWriteTimeUtc, 0, 0) : EntryInfo.Missing;
    }

    /// <summary>struct statx is laid out the same on every Linux architecture.</summary>
    private static EntryInfo Decode(ReadOnlySpan<byte> statx)
    {
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(statx[28..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => EntryKind.Regular,
            0x4000 => EntryKind.Directory,
            0xA000 => EntryKind.SymbolicLink,
            0x1000 => EntryKind.Fifo,
            0xC000 => EntryKind.Socket,
            0x2000 => EntryKind.CharacterDevice,
            0x6000 => EntryKind.BlockDevice,
            _ => EntryKind.Other,
        };
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(statx[112..]);
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(statx[120..]);
        var time = DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(nanoseconds / 100);
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(statx[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(statx[140..]);
        return new EntryInfo(
            kind,
            (long)BinaryPrimitives.ReadUInt64LittleEndian(statx[40..]),
            BinaryPrimitives.ReadUInt32LittleEndian(statx[16..]),
            time,
            BinaryPrimitives.ReadUInt64LittleEndian(statx[32..]),
            device,
            BinaryPrimitives.ReadUInt32LittleEndian(statx[20..]));
    }

    private static unsafe int Statx(int directory, string path, int flags, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return StatxNative(directory, path, flags, StatxBasicStats, p) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
    }

    internal static IOException Error(int errno, string path)
        => new($"'{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatxNative(int directory, string path, int flags, uint mask, byte* buffer);
}
