using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using DocGen.Core.Rules;

namespace DocGen.Worker.IO;

/// <summary>
/// File names that are not valid UTF-8 (GBK names written by Windows zip tools, for one): .NET
/// shows them with U+FFFD in place of the bytes it could not decode, and cannot open them by that
/// name. Here they are listed with their bytes and renamed to a safe escaped name: every byte
/// that is not part of valid UTF-8 becomes <c>%XX</c>, so the new name says exactly what the old
/// one was (<c>%B9%A4%D7%F7.json</c>).
/// </summary>
public static partial class RawNames
{
    private const int DirentNameOffset = 19; // struct dirent64: ino (8), off (8), reclen (2), type (1), name

    /// <summary>The names in <paramref name="folder"/> that are not valid UTF-8, as bytes (Linux; empty elsewhere).</summary>
    public static unsafe List<byte[]> FindInvalid(string folder)
    {
        var found = new List<byte[]>();
        if (!OperatingSystem.IsLinux())
        {
            return found;
        }

        var dir = OpenDir(folder);
        if (dir == IntPtr.Zero)
        {
            return found;
        }

        try
        {
            while (ReadDir(dir) is var entry && entry != IntPtr.Zero)
            {
                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)entry + DirentNameOffset);
                if (!Utf8.IsValid(name))
                {
                    found.Add(name.ToArray());
                }
            }
        }
        finally
        {
            _ = CloseDir(dir);
        }

        return found;
    }

    /// <summary>The escaped form of a raw name: valid UTF-8 kept, every other byte as <c>%XX</c>.</summary>
    public static string Escape(ReadOnlySpan<byte> raw)
    {
        var sb = new StringBuilder(raw.Length * 2);
        while (!raw.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(raw, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
            }
            else
            {
                consumed = Math.Max(consumed, 1);
                for (var i = 0; i < consumed; i++)
                {
                    sb.Append('%').Append(raw[i].ToString(RuleCodes.X2, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            raw = raw[consumed..];
        }

        return sb.ToString();
    }

    /// <summary>
    /// Renames an entry given by its raw name to <paramref name="newName"/> in the same folder,
    /// never over an existing one. Returns false when the target exists or the entry is gone.
    /// </summary>
    public static unsafe bool TryRename(string folder, ReadOnlySpan<byte> raw, string newName)
    {
        var folderBytes = Encoding.UTF8.GetBytes(folder.TrimEnd('/') + "/");
        byte[] from = [.. folderBytes, .. raw, 0];
        byte[] to = [.. folderBytes, .. Encoding.UTF8.GetBytes(newName), 0];
        fixed (byte* f = from)
        fixed (byte* t = to)
        {
            return NoReplaceMove.RenameNoReplace(f, t);
        }
    }

    [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr OpenDir(string path);

    [LibraryImport("libc", EntryPoint = "readdir64")]
    private static partial IntPtr ReadDir(IntPtr dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(IntPtr dir);
}
