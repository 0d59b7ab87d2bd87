using DocGen.Worker.Pdf;

namespace DocGen.Worker.Tests.Pdf;

/// <summary>LibreOffice with its Python bridge, as the PDF converters need it; skips (or, in CI, fails) without.</summary>
internal static class Converters
{
    private static readonly Lazy<(LibreOfficeInstallation? Found, string Problem)> s_installation = new(static () =>
    {
        var found = LibreOfficeInstallation.Find(null, out var problem);
        return (found, problem);
    });

    public static LibreOfficeInstallation Require()
    {
        if (s_installation.Value.Found is { } found)
        {
            return found;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"LibreOffice and python3-uno must be installed in CI (.ci/run installs them): {s_installation.Value.Problem}");
        Assert.Skip($"skipped: {s_installation.Value.Problem}");
        return null!;
    }

    public static PdfConverterPool Pool(int converters = 1, TimeSpan? timeout = null)
        => new(new PdfConverterSettings(Require(), converters, timeout ?? TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1)),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PdfConverterPool>.Instance);

    /// <summary>The paths of the Unix sockets these processes hold bound (their descriptors' inodes looked up in /proc/net/unix).</summary>
    public static List<string> BoundSockets(IEnumerable<int> pids)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pid in pids)
        {
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                    {
                        inodes.Add(target["socket:[".Length..^1]);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // gone meanwhile
            }
        }

        return [.. File.ReadLines("/proc/net/unix").Skip(1)
            .Select(static line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 8 && inodes.Contains(fields[6]))
            .Select(static fields => fields[7])];
    }

    /// <summary>The processes a converter started (the bridge's descendants: LibreOffice), from /proc.</summary>
    public static List<int> Descendants(int pid)
    {
        var children = Directory.EnumerateDirectories("/proc")
            .Select(static d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0)
            .Where(static p => p > 0)
            .Where(p => ParentOf(p) == pid)
            .ToList();
        return [.. children, .. children.SelectMany(Descendants)];
    }

    public static bool Runs(int pid)
    {
        // A killed process not yet reaped by its parent is a zombie: it runs no more.
        var stat = Stat(pid);
        return stat is not null && stat.Split(") ", 2) is [_, var rest] && rest[0] != 'Z';
    }

    /// <summary>Processes whose command line contains <paramref name="text"/>, zombies aside.</summary>
    public static List<int> WithCommandLine(string text)
        => [.. Directory.EnumerateDirectories("/proc")
            .Select(static d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0)
            .Where(p => p > 0 && Runs(p) && CommandLine(p).Contains(text, StringComparison.Ordinal))];

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static int ParentOf(int pid)
        => Stat(pid) is { } stat && stat.Split(") ", 2) is [_, var rest] && rest.Split(' ') is [_, var parent, ..] && int.TryParse(parent, out var p) ? p : 0;

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
    }
}
