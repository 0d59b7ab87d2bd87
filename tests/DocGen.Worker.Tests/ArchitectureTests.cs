using System.Text.RegularExpressions;

namespace DocGen.Worker.Tests;

/// <summary>The house rules a reader relies on, read from the sources: rooms small enough to read, arrows one way, decisions not made on message text.</summary>
public sealed partial class ArchitectureTests
{
    private const int MaxLines = 300;

    private static readonly string s_src = Path.Combine(DocGen.Tests.Shared.RepoRoot.Path, "src");

    private static IEnumerable<string> Sources(string folder = "") => Directory
        .EnumerateFiles(Path.Combine(s_src, folder), "*.cs", SearchOption.AllDirectories)
        .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void NoSourceFile_IsLongerThanOneSitting()
    {
        var sources = Sources().ToList();
        var tooLong = sources.Select(static f => (File: Path.GetRelativePath(s_src, f), Lines: File.ReadLines(f).Count())).Where(static f => f.Lines > MaxLines).ToList();

        Assert.True(sources.Count > 100, "the sources were not found");
        Assert.True(tooLong.Count == 0, "over " + MaxLines + " lines: " + string.Join(", ", tooLong.Select(static f => $"{f.File} ({f.Lines})")));
    }

    [Theory]
    [InlineData("DocGen.Worker/Service", "DocGen.Worker.Cli")]
    [InlineData("DocGen.Worker/Pipeline", "DocGen.Worker.Service")]
    [InlineData("DocGen.Worker/Pipeline", "DocGen.Worker.Cli")]
    [InlineData("DocGen.Worker/Templates", "DocGen.Worker.Service")]
    [InlineData("DocGen.Worker/Templates", "DocGen.Worker.Cli")]
    [InlineData("DocGen.Worker/Pdf", "DocGen.Worker.Service")]
    [InlineData("DocGen.Worker/IO", "DocGen.Worker.Service")]
    [InlineData("DocGen.Worker/IO", "DocGen.Worker.Pipeline")]
    public void AFolder_DoesNotLeanOnTheOneThatUsesIt(string folder, string forbidden)
    {
        var files = Sources(folder).ToList();
        var leaning = files.Where(f => File.ReadAllText(f).Contains(forbidden + ".", StringComparison.Ordinal) || File.ReadLines(f).Any(l => l.Trim() == $"using {forbidden};"));

        Assert.NotEmpty(files);
        Assert.Empty(leaning.Select(f => Path.GetRelativePath(s_src, f)));
    }

    [Fact]
    public void TheServicesProcessor_NeverNamesASubmissionFormat()
    {
        // A new stage or format is one more submission kind in the pipeline, not a branch in the processor.
        var processor = Sources("DocGen.Worker/Service/Processing").Append(Path.Combine(s_src, "DocGen.Worker/Service/SubmissionProcessor.cs")).ToList();

        Assert.All(processor, static f => Assert.True(File.Exists(f), f));
        Assert.Empty(processor.Where(static f => FormatNames().IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(s_src, f)));
    }

    [Fact]
    public void NoDecision_IsMadeOnAMessagesText()
    {
        var deciding = Sources().SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i))).Where(static l => MessageDecision().IsMatch(l.line));

        Assert.Empty(deciding.Select(l => $"{Path.GetRelativePath(s_src, l.f)}:{l.i + 1}"));
    }

    [Fact]
    public void TheChecks_FindWhatTheyLookFor()
    {
        // The patterns above must be able to fail.
        Assert.Matches(MessageDecision(), "if (ex.Message.Contains(\"denied\"))");
        Assert.Matches(MessageDecision(), "when (e.Message == \"x\")");
        Assert.Matches(FormatNames(), "SubmissionFormats.ExtensionOf(path)");
        Assert.Matches(FormatNames(), "using DocGen.Workbooks;");
    }

    [GeneratedRegex(@"\.Message\s*(\.\s*(Contains|StartsWith|EndsWith|Equals|IndexOf)\b|[!=]=)")]
    private static partial Regex MessageDecision();

    [GeneratedRegex(@"\bSubmissionFormats\b|\bDocGen\.Workbooks\b|\bWorkbook[A-Z]\w*")]
    private static partial Regex FormatNames();
}
