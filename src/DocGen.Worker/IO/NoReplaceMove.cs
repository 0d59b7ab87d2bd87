using System.Runtime.InteropServices;

namespace DocGen.Worker.IO;

/// <summary>
/// Renames a file only if the target does not exist, atomically. On Unix .NET's
/// <c>File.Move(overwrite: false)</c> checks and then renames, which two processes can both pass;
/// <c>link(2)</c> fails with EEXIST instead, so exactly one wins. On Windows the move itself refuses
/// an existing target.
/// </summary>
public static partial class NoReplaceMove
{
    private const int EEXIST = 17;

    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/>; throws <see cref="IOException"/> if the target exists.</summary>
    public static void Move(string source, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            File.Move(source, target, overwrite: false);
            return;
        }

        if (Link(source, target) == 0)
        {
            File.Delete(source);
            return;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST)
        {
            throw new IOException($"'{target}' already exists.", EEXIST);
        }

        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"'{source}' does not exist.", source);
        }

        // A file system without hard links (some network shares): the best the platform offers.
        File.Move(source, target, overwrite: false);
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldPath, string newPath);
}
