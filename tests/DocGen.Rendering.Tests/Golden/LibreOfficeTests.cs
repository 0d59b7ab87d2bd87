using DocGen.Rendering.Tests.Support;
using DocGen.Tests.Shared;

namespace DocGen.Rendering.Tests.Golden;

/// <summary>
/// The real-client check: LibreOffice opens the generated document and converts it to PDF.
/// `.ci/run` installs LibreOffice, so in CI this never skips.
/// </summary>
public sealed class LibreOfficeTests
{
    [Fact]
    public void SeedDocument_OpensInLibreOffice_AndConvertsToPdf()
    {
        var bytes = RealClient.ToPdf(Docs.Render(Docs.SeedJson));

        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4), StringComparison.Ordinal);
        Assert.True(CountPages(bytes) >= 3, "the seed document has several pages");
    }

    private static int CountPages(byte[] pdf)
        => System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
}
