namespace DocGen.Worker.Pdf;

/// <summary>
/// The sockets LibreOffice makes for a converter's UNO pipe (<c>/tmp/OSL_PIPE_&lt;uid&gt;_docgen-&lt;bridge pid&gt;</c>:
/// always in /tmp, whatever TMPDIR says). A bridge removes its own when it ends; one killed
/// outright cannot, so the next pool removes those whose bridge no longer runs.
/// </summary>
internal static class StalePipeSockets
{
    private const string Folder = "/tmp";
    private const string Marker = "_docgen-";

    public static void Sweep()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(Folder))
        {
            return;
        }

        foreach (var socket in Directory.EnumerateFileSystemEntries(Folder, "OSL_PIPE_*" + Marker + "*"))
        {
            var name = Path.GetFileName(socket);
            if (int.TryParse(name.AsSpan(name.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length), out var pid) && !Directory.Exists($"/proc/{pid}"))
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
    }
}
