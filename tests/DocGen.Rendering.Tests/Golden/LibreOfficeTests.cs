using System.Diagnostics;
using DocGen.Rendering.Tests.Support;

namespace DocGen.Rendering.Tests.Golden;

/// <summary>
/// The real-client check: LibreOffice opens the generated document and converts it to PDF.
/// `.ci/run` installs LibreOffice, so in CI this never skips.
/// </summary>
public sealed class LibreOfficeTests
{
    [Fact]
    public async Task SeedDocument_OpensInLibreOffice_AndConvertsToPdf()
    {
        var soffice = FindOnPath("soffice") ?? FindOnPath("libreoffice");
        if (soffice is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "LibreOffice must be installed in CI (.ci/run installs it).");
            Assert.Skip("LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui).");
        }

        var folder = Directory.CreateTempSubdirectory("docgen-lo-");
        try
        {
            var docx = Path.Combine(folder.FullName, "seed.docx");
            await File.WriteAllBytesAsync(docx, Docs.Render(Docs.SeedJson), TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo(soffice, ["--headless", "--norestore", $"-env:UserInstallation=file://{folder.FullName}/profile", "--convert-to", "pdf", "--outdir", folder.FullName, docx])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);

            var pdf = Path.Combine(folder.FullName, "seed.pdf");
            Assert.True(File.Exists(pdf), $"no PDF; soffice said: {await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)} {await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
            var bytes = await File.ReadAllBytesAsync(pdf, TestContext.Current.CancellationToken);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4), StringComparison.Ordinal);
            Assert.True(CountPages(bytes) >= 3, "the seed document has several pages");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int CountPages(byte[] pdf)
        => System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
