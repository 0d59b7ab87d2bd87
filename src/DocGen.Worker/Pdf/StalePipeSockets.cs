namespace DocGen.Worker.Pdf;

/// <summary>
/// The sockets LibreOffice makes in /tmp (whatever TMPDIR says) for a converter: its UNO pipe
/// (<c>OSL_PIPE_&lt;uid&gt;_docgen-&lt;bridge pid&gt;</c>) and its single-instance pipe
/// (<c>OSL_PIPE_&lt;uid&gt;_SingleOfficeIPC_&lt;hash of the profile&gt;</c>). A bridge removes its
/// own when it ends; those of a bridge killed outright are removed by the next pool: every such
/// socket file that no process has bound any more (it is not in <c>/proc/net/unix</c>).
/// </summary>
internal static class StalePipeSockets
{
    private const string Folder = "/tmp";
    private static readonly string[] Patterns = ["OSL_PIPE_*_docgen-*", "OSL_PIPE_*_SingleOfficeIPC_*"];

    public static void Sweep()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(Folder))
        {
            return;
        }

        // The sockets first, then who holds which: a converter starting in between is then seen bound, never taken for stale.
        var sockets = Patterns.SelectMany(static p => Directory.EnumerateFileSystemEntries(Folder, p)).ToList();
        if (Bound() is not { } bound)
        {
            return;
        }

        foreach (var socket in sockets.Where(s => !bound.Contains(s)))
        {
            try
            {
                File.Delete(socket);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // another user's (the sticky /tmp refuses): left alone
            }
        }
    }

    /// <summary>The paths of the Unix sockets bound now (the last field of <c>/proc/net/unix</c>), or null when it cannot be read: then nothing is removed.</summary>
    private static HashSet<string>? Bound()
    {
        try
        {
            return [.. File.ReadLines("/proc/net/unix").Skip(1)
                .Select(static line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(static fields => fields.Length >= 8)
                .Select(static fields => fields[7])];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
