using DocGen.Worker.IO;

namespace DocGen.Worker.Tests.IO;

public sealed class DisplayNameTests
{
    [Theory]
    [InlineData("\u202Eexe.json", "\\u202Eexe.json")] // shows as "nosj.exe" unescaped
    [InlineData("a\u200Eb\u200Fc\u061Cd", "a\\u200Eb\\u200Fc\\u061Cd")]
    [InlineData("\u202A\u202B\u202C\u202D", "\\u202A\\u202B\\u202C\\u202D")]
    [InlineData("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069")]
    [InlineData("line\nbreak\r\ttab\0nul\u001Fus", "line\\u000Abreak\\u000D\\u0009tab\\u0000nul\\u001Fus")]
    [InlineData("del\u007F c1\u0080\u009F", "del\\u007F c1\\u0080\\u009F")]
    [InlineData("a\u2028b\u2029c", "a\\u2028b\\u2029c")]
    public void HiddenCharacters_AreWrittenAsEscapes(string name, string shown)
        => Assert.Equal(shown, DisplayName.Of(name));

    [Theory]
    [InlineData("绩效目标表 2026（终稿）.json")]
    [InlineData("plain name.xlsx")]
    [InlineData("عربي.json")] // right-to-left letters are text, not formatting
    [InlineData("emoji 😀.json")]
    [InlineData("")]
    public void OrdinaryNames_AreTheSameString(string name)
        => Assert.Same(name, DisplayName.Of(name));
}
