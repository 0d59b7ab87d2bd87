namespace DocGen.Worker.IO;

/// <summary>
/// Working folders of this process under the temporary folder, named <c>prefix + process id + "-" +
/// random</c>: a folder left by a DocGen that was killed (its process id no longer runs) is told
/// apart from a running one's and removed by the next that creates one with the same prefix.
/// </summary>
internal static class ScratchFolders
{
    public static DirectoryInfo Create(string prefix)
    {
        SweepStale(prefix);
        return Directory.CreateTempSubdirectory($"{prefix}{Environment.ProcessId}-");
    }

    private static void SweepStale(string prefix)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            var name = Path.GetFileName(folder);
            var dash = name.IndexOf('-', prefix.Length);
            if (dash > 0 && int.TryParse(name.AsSpan(prefix.Length, dash - prefix.Length), out var pid) && !ProcessRuns(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // another user's, or in use: left alone
                }
            }
        }
    }

    private static bool ProcessRuns(int pid) => pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}");
}
