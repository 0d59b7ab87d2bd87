using DocGen.Core.Tests.Support;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation;

/// <summary>
/// Drafts as finance clerks type them (<c>fixtures/drafts/</c>), each with several mistakes of
/// different kinds: each is reported completely in one pass, exactly as its <c>.expected.txt</c>
/// says (the whole text report). To approve a changed report:
/// <c>DOCGEN_APPROVE=1 dotnet test tests/DocGen.Core.Tests --filter FullyQualifiedName~ClerkDraft</c>
/// writes the reports and fails, each test naming its file; read them (<c>git diff</c>), then run
/// the tests again without it.
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
            // Approval never passes: it writes what the code says now and asks a person to read it.
            var changed = !File.Exists(expected) || File.ReadAllText(expected) != report;
            File.WriteAllText(expected, report);
            Assert.Fail(changed
                ? $"Wrote {expected}: read it (git diff), then run the tests again without DOCGEN_APPROVE."
                : $"{expected} is unchanged; run the tests again without DOCGEN_APPROVE.");
        }

        Assert.False(check.IsValid);
        Assert.Equal(File.ReadAllText(expected), report);
    }
}
