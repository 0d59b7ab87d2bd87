using DocGen.Workbooks.Reading;

namespace DocGen.Workbooks.Tests.Reading;

public sealed class OoxmlEscapesTests
{
    [Theory]
    [InlineData("第一行_x000D_\n第二行", "第一行\r\n第二行")] // a line break pasted from Word, as Excel keeps it
    [InlineData("a_x005F_x000D_b", "a_x000D_b")] // a literal _x protected
    [InlineData("no_escape_here", "no_escape_here")]
    [InlineData("_x4E2D_文", "中文")]
    public void EscapedCharacters_AreTheCharactersTheCellShows(string stored, string shown)
        => Assert.Equal(shown, OoxmlEscapes.Decode(stored));
}
