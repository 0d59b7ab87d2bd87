using DocGen.Core.Tests.Support;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation;

/// <summary>
/// Drafts as finance clerks type them (<c>fixtures/drafts/</c>), each with several mistakes of
/// different kinds: each is reported completely in one pass, exactly as its <c>.expected.txt</c>
/// says (the whole text report). To approve a changed report after reading it:
/// <c>DOCGEN_APPROVE=1 dotnet test tests/DocGen.Core.Tests --filter FullyQualifiedName~ClerkDraft</c>.
/// </summary>
public sealed class ClerkDraftTests
{
    public static TheoryData<string> Drafts => [.. Directory.EnumerateFiles(Repo.Fixture("drafts"), "*.json").Select(static f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Draft_IsReportedCompletelyInOnePass(string draft)
    {
        var check = Repo.Validator.Check(File.ReadAllBytes(Repo.Fixture("drafts", draft)));
        var report = ReportFormatter.ToText(check.Report, draft);
        var expected = Repo.Fixture("drafts", Path.ChangeExtension(draft, ".expected.txt"));

        if (Environment.GetEnvironmentVariable("DOCGEN_APPROVE") == "1")
        {
            File.WriteAllText(expected, report);
        }

        Assert.False(check.IsValid);
        Assert.Equal(File.ReadAllText(expected), report);
    }
}
