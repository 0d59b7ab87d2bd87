namespace DocGen.Worker.IO;

/// <summary>
/// The files the .NET runtime makes in the temporary folder for its diagnostics (the
/// <c>dotnet-diagnostic-&lt;pid&gt;-…-socket</c> that <c>dotnet-counters</c> talks to, the debugger's
/// <c>clr-debug-pipe-&lt;pid&gt;-…</c>): a process that ends cleanly removes its own, one that is
/// killed (<c>kill -9</c>, the OOM killer) leaves three. They are removed at the next start for every
/// process id that no longer runs: nothing else uses them. Under systemd the unit's private
/// <c>/tmp</c> goes with the service anyway.
/// </summary>
internal static class StaleRuntimeFiles
{
    private static readonly string[] s_prefixes = ["dotnet-diagnostic-", "clr-debug-pipe-"];

    public static void Sweep()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(Path.GetTempPath()))
            {
                var name = Path.GetFileName(path);
                if (s_prefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal)) is { } prefix
                    && name.AsSpan(prefix.Length) is var rest && rest.IndexOf('-') is var dash and > 0
                    && int.TryParse(rest[..dash], out var pid) && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
                {
                    try
                    {
                        File.Delete(path); // a socket or FIFO: removed, never opened
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // another user's (a sticky /tmp refuses): left alone, the others still swept
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // another user's (a sticky /tmp refuses), or no temporary folder: left alone
        }
    }
}
