using System.Text.RegularExpressions;
using DocGen.Core.Tests.Support;

namespace DocGen.Core.Tests.Rules;

/// <summary>The clerk guide is for someone with Excel and a shared folder: Chinese, no command line, no JSON, no English prose.</summary>
public sealed partial class ClerkGuideTests
{
    private static readonly string s_guide = File.ReadAllText(Path.Combine(Repo.Root, "docs", "clerk.md"));

    [Fact]
    public void ClerkGuide_HasNoCommandLineNorJsonPath()
    {
        Assert.DoesNotContain("docgen ", s_guide, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", s_guide, StringComparison.Ordinal);
        Assert.DoesNotContain("路径", s_guide, StringComparison.Ordinal);
    }

    [Fact]
    public void ClerkGuide_HasNoEnglishSentence()
    {
        var prose = EnglishRun().Matches(s_guide).Select(static m => m.Value).ToList();
        Assert.True(prose.Count == 0, string.Join(" | ", prose));
    }

    /// <summary>Four English words in a row: a sentence, not a file name or a program's name.</summary>
    [GeneratedRegex(@"\b[A-Za-z]+(?:[ ,]+[A-Za-z]+){3,}\b")]
    private static partial Regex EnglishRun();
}
