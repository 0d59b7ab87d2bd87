using System.Diagnostics;

namespace DocGen.Tests.Shared;

/// <summary>
/// LibreOffice as the real client in tests: converting a document to PDF, re-saving a template as
/// an admin without Word would. A test that needs it (or the stand-in fonts) never passes silently
/// without them: in CI (<c>CI=true</c>, where <c>.ci/run</c> installs both) it fails; elsewhere it is
/// skipped with the reason and the command that installs what is missing.
/// </summary>
internal static class RealClient
{
    private static readonly Lazy<string?> s_soffice = new(static () => OnPath("soffice") ?? OnPath("libreoffice"));
    private static readonly Lazy<string?> s_fangSong = new(static () => Run("fc-match", "仿宋_GB2312").Output.Trim());

    /// <summary>LibreOffice's path; skips (or, in CI, fails) the test when it is not installed.</summary>
    public static string RequireLibreOffice()
    {
        if (s_soffice.Value is { } soffice)
        {
            return soffice;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "LibreOffice must be installed in CI (.ci/run installs it).");
        Assert.Skip("skipped: LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui, or run bash .ci/run).");
        return "";
    }

    /// <summary>Skips (or, in CI, fails) a test that needs the stand-in GB fonts (scripts/install-fonts.sh).</summary>
    public static void RequireFonts()
    {
        if (s_fangSong.Value?.Contains("Fandol", StringComparison.Ordinal) == true)
        {
            return;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"The stand-in fonts must be installed in CI (.ci/run runs scripts/install-fonts.sh); 仿宋_GB2312 is {s_fangSong.Value}.");
        Assert.Skip($"skipped: the stand-in GB fonts are not installed (仿宋_GB2312 resolves to '{s_fangSong.Value}'; run sudo bash scripts/install-fonts.sh).");
    }

    /// <summary>Runs a poppler-utils tool (pdfinfo, pdffonts, pdftotext: what an archivist checks a PDF with) and returns its output; skips (or, in CI, fails) without it.</summary>
    public static string Poppler(string tool, params string[] args)
    {
        if (OnPath(tool) is not { } path)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{tool} must be installed in CI (.ci/run installs poppler-utils).");
            Assert.Skip($"skipped: {tool} is not installed (apt-get install -y poppler-utils, or run bash .ci/run).");
            return "";
        }

        var (exit, output, error) = Run(path, args);
        Assert.True(exit == 0, $"{tool} {string.Join(' ', args)} failed (exit {exit}): {error}");
        return output;
    }

    /// <summary>Converts a document with LibreOffice (headless, a profile of its own) and returns the output's bytes.</summary>
    public static byte[] Convert(byte[] document, string fromExtension, string filter, string toExtension)
    {
        var soffice = RequireLibreOffice();
        var folder = Directory.CreateTempSubdirectory("docgen-lo-");
        try
        {
            var input = Path.Combine(folder.FullName, "input" + fromExtension);
            File.WriteAllBytes(input, document);
            var (exit, output, error) = Run(soffice, "--headless", "--norestore", $"-env:UserInstallation=file://{folder.FullName}/profile",
                "--convert-to", filter, "--outdir", Path.Combine(folder.FullName, "out"), input);
            var result = Path.Combine(folder.FullName, "out", "input" + toExtension);
            Assert.True(File.Exists(result), $"LibreOffice did not convert (exit {exit}): {output}{error}");
            return File.ReadAllBytes(result);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static byte[] ToPdf(byte[] docx) => Convert(docx, ".docx", "pdf", ".pdf");

    /// <summary>The document re-saved by LibreOffice as .docx (what an admin without Word does to a template).</summary>
    public static byte[] Resave(byte[] docx) => Convert(docx, ".docx", "docx:MS Word 2007 XML", ".docx");

    private static (int Exit, string Output, string Error) Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "", "timed out");
            }

            return (process.ExitCode, output.Result, error);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, "", ex.Message);
        }
    }

    /// <summary>A tool's path (strace …); skips (or, in CI, fails) the test without it.</summary>
    public static string Tool(string name, string package)
    {
        if (OnPath(name) is { } path)
        {
            return path;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{name} must be installed in CI (.ci/run installs {package}).");
        Assert.Skip($"skipped: {name} is not installed (apt-get install -y {package}, or run bash .ci/run).");
        return "";
    }

    private static string? OnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
