using System.Diagnostics;

namespace DocGen.Worker.Pdf;

/// <summary>
/// The LibreOffice a PDF converter runs: its program folder (with <c>soffice.bin</c>) and a Python
/// that has LibreOffice's UNO bridge (<c>python3-uno</c>), which the converter script needs.
/// </summary>
public sealed record LibreOfficeInstallation(string ProgramFolder, string Python)
{
    /// <summary>What to install on Debian/Ubuntu for PDF output (named in every “not installed” message).</summary>
    public const string DebianPackages = "libreoffice-writer-nogui python3-uno";

    private static readonly string[] s_programFolders =
    [
        "/usr/lib/libreoffice/program",
        "/opt/libreoffice/program",
        "/usr/local/lib/libreoffice/program",
        "/usr/lib64/libreoffice/program",
    ];

    /// <summary>
    /// Finds LibreOffice (in <paramref name="programFolder"/> when given, else where Debian and
    /// The Document Foundation's packages put it) and a Python that can import <c>uno</c>; null
    /// with the reason — naming the packages to install — when there is none.
    /// </summary>
    public static LibreOfficeInstallation? Find(string? programFolder, out string problem)
    {
        problem = "";
        if (!OperatingSystem.IsLinux())
        {
            problem = "PDF 输出目前只支持 Linux。 PDF output is supported on Linux only.";
            return null;
        }

        var folders = programFolder is { Length: > 0 } ? [Path.GetFullPath(programFolder)] : s_programFolders.Concat(FromPath());
        var folder = folders.FirstOrDefault(static f => File.Exists(Path.Combine(f, "soffice.bin")));
        if (folder is null)
        {
            problem = programFolder is { Length: > 0 }
                ? $"在 {programFolder} 中找不到 LibreOffice（soffice.bin）；请改正该设置，或安装：sudo apt-get install {DebianPackages} No LibreOffice (soffice.bin) in {programFolder}; correct the setting, or install: sudo apt-get install {DebianPackages}"
                : $"找不到 LibreOffice。请安装：sudo apt-get install {DebianPackages} LibreOffice is not installed; install it: sudo apt-get install {DebianPackages}";
            return null;
        }

        // Debian's python3-uno serves the system Python; LibreOffice's own builds bring a Python of their own.
        var python = new[] { "/usr/bin/python3", Path.Combine(folder, "python"), "python3" }.FirstOrDefault(CanImportUno);
        if (python is null)
        {
            problem = $"LibreOffice 已安装，但缺少其 Python 接口。请安装：sudo apt-get install python3-uno LibreOffice's Python bridge is missing; install it: sudo apt-get install python3-uno";
            return null;
        }

        return new LibreOfficeInstallation(folder, python);
    }

    /// <summary>The program folder behind a <c>soffice</c> on the PATH (a link into it, as Debian installs it).</summary>
    private static IEnumerable<string> FromPath()
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(static dir => Path.Combine(dir, "soffice"))
            .Where(File.Exists)
            .Select(static soffice => Path.GetDirectoryName(new FileInfo(soffice).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? soffice)!);

    private static bool CanImportUno(string python)
    {
        if (Path.IsPathRooted(python) && !File.Exists(python))
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(python, ["-I", "-c", "import uno"]) // as the bridge runs: isolated
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            _ = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
