using DocGen.Rendering.Tests.Support;

namespace DocGen.Rendering.Tests.Golden;

public sealed class SeedGoldenTests
{
    /// <summary>
    /// The differences from the seed export that SPEC §5 decides, each applied to the seed's text
    /// before comparing: nothing else may differ.
    /// </summary>
    private static readonly (string Reason, string Seed, string Rendered)[] s_decidedDifferences =
    [
        ("§5 Amounts: every amount prints with two decimals, 0 included", "\t0\n", "\t0.00\n"),
        ("§5 Grading: the 差 sentence is generated from the bands (70, no extra 的)", "计划数的80%以下的为差", "计划数70%以下的为差"),
        ("§5 Bookmarks: never emit _GoBack", "[bookmark: _GoBack]", ""),
        ("§5 Bookmarks: each project table gets a bookmark from its project code", "[bookmark: _Toc61447634]", "[bookmark: _Toc61447634][bookmark: P_13030321WLCRBVUADKPT8]"),
        ("§6 The printed page: no empty paragraphs after the last table (they spilled onto a blank last page)", "\t参训人员满意率\n\n\n \n\n\n", "\t参训人员满意率\n\n\n"),
    ];

    [Fact]
    public void SeedFixture_RendersTheSeedDocument_LineForLine()
    {
        var docx = Docs.Render(Docs.SeedJson);

        var expected = File.ReadAllText(Docs.Fixture("seed", "000_1d98f0c8d9b041d9.txt"));
        foreach (var (reason, seed, rendered) in s_decidedDifferences)
        {
            Assert.True(expected.Contains(seed, StringComparison.Ordinal), $"The decided difference no longer applies: {reason}");
            expected = expected.Replace(seed, rendered, StringComparison.Ordinal);
        }

        var actual = TikaText.Export(Docs.Part(docx));
        var expectedLines = TikaText.Lines(expected);
        var actualLines = TikaText.Lines(actual);
        for (var i = 0; i < Math.Min(expectedLines.Count, actualLines.Count); i++)
        {
            Assert.True(expectedLines[i] == actualLines[i], $"Line {i + 1} differs.\nexpected: {expectedLines[i]}\nactual:   {actualLines[i]}");
        }

        Assert.Equal(expectedLines.Count, actualLines.Count);
    }

    [Fact]
    public void SeedFixture_RendersAValidDocument()
        => Docs.AssertValid(Docs.Render(Docs.SeedJson));
}
