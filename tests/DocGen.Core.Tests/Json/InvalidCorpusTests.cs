using System.Text.Json;
using DocGen.Core.Tests.Support;

namespace DocGen.Core.Tests.Json;

/// <summary>Every file under <c>fixtures/invalid/</c> is rejected with exactly the error codes its <c>.expected.json</c> lists.</summary>
public sealed class InvalidCorpusTests
{
    public static TheoryData<string> Files => [.. FileNames()];

    private static IEnumerable<string> FileNames() => Directory.EnumerateFiles(Repo.Fixture("invalid"), "*.json")
        .Where(static f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
        .Select(static f => Path.GetFileName(f))
        .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Files))]
    public void InvalidFixture_IsRejectedWithItsExpectedErrorCodes(string file)
    {
        var path = Repo.Fixture("invalid", file);
        var expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))
            .RootElement.GetProperty("errors").EnumerateArray().Select(static e => e.GetString()!).Order().ToList();

        var check = Repo.Validator.Check(File.ReadAllBytes(path));

        Assert.False(check.IsValid);
        Assert.Equal(expected, check.Report.Errors.Select(static e => e.Code).Order().ToList());
        Assert.All(check.Report.Issues, static i =>
        {
            Assert.StartsWith("$", i.Path, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(i.Message));
            Assert.False(string.IsNullOrWhiteSpace(i.MessageEn));
        });
    }

    [Fact]
    public void CorpusCoversTheHostileInputsOfTheIssue()
    {
        string[] kinds = ["malformed", "truncated", "wrong-types", "empty", "binary", "utf16", "gbk", "deep-nesting", "control-characters", "path-characters", "unknown-kind"];
        var files = FileNames().ToList();
        Assert.All(kinds, k => Assert.Contains(files, f => f.Contains(k, StringComparison.Ordinal)));
    }
}
