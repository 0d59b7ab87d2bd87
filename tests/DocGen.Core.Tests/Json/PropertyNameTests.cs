using DocGen.Core.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Core.Tests.Json;

public sealed class PropertyNameTests
{
    private static string Escaped(string name) => string.Concat(name.Select(static c => $"\\u{(int)c:X4}"));

    [Theory]
    [InlineData("kind")] // 24 bytes escaped
    [InlineData("schemaVersion")] // 78 bytes escaped: past the reader's fast path for names
    public void KnownName_WrittenWithUnicodeEscapes_IsTheSameMember(string name)
    {
        var json = Seed.Text.Replace($"\"{name}\":", $"\"{Escaped(name)}\":", StringComparison.Ordinal);
        Assert.NotEqual(Seed.Text, json);

        var check = Seed.Check(json);

        Assert.DoesNotContain(check.Report.Issues, static i => i.Code is RuleCodes.D6 or RuleCodes.D7);
        Assert.Equal(Seed.Check(Seed.Text).Report.Issues.Select(static i => i.Code), check.Report.Issues.Select(static i => i.Code));
    }

    [Fact]
    public void RepeatedName_InNestedObjects_IsOnlyReportedWhereItRepeats()
    {
        // Each indicator has its own "name": the per-depth name sets must not leak between siblings or levels.
        var check = Seed.Check(Seed.Text.Replace("\"fiscalYear\": 2021,", "\"fiscalYear\": 2021, \"fiscalYear\": 2021,", StringComparison.Ordinal));

        Assert.Equal(["$.fiscalYear"], check.Report.Issues.Where(static i => i.Code == RuleCodes.D7).Select(static i => i.Path));
    }

    [Fact]
    public void UnknownLongName_IsReportedOnce_QuotedByItsStart_WithTheWholeNameInItsPath()
    {
        var name = new string('x', 100);
        var check = Seed.Check(Seed.Text.Replace("\"fiscalYear\": 2021,", $"\"fiscalYear\": 2021, \"{name}\": 1,", StringComparison.Ordinal));

        var issue = Assert.Single(check.Report.Issues, static i => i.Code == RuleCodes.D6);
        Assert.Contains(name[..Core.Validation.Quoted.MaxCharacters] + "…", issue.Message, StringComparison.Ordinal);
        Assert.Contains(name, issue.Path, StringComparison.Ordinal);
    }
}
