using System.Reflection;
using DocGen.Core.Rules;
using DocGen.Core.Tests.Support;

namespace DocGen.Core.Tests.Rules;

/// <summary>
/// The catalogue holds every code once, and the documentation's rule tables are the catalogue's.
/// To rewrite the tables after a change to the catalogue:
/// <c>DOCGEN_APPROVE=1 dotnet test tests/DocGen.Core.Tests --filter FullyQualifiedName~RuleCatalog</c>
/// writes the documents and fails; read them (<c>git diff docs/</c>), then run the tests again without it.
/// </summary>
public sealed class RuleCatalogTests
{
    public static TheoryData<string> Documents => ["integrator.md", "templates.md", "clerk.md"];

    [Fact]
    public void EveryCode_IsInTheCatalogueOnce_AndNothingElseIs()
    {
        var codes = typeof(RuleCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(static f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(codes, RuleCatalog.All.Select(static r => r.Code).Order(StringComparer.Ordinal));
        Assert.All(typeof(RuleCodes).GetFields(), static f => Assert.Equal(f.Name, f.GetRawConstantValue()));
    }

    [Fact]
    public void EveryRuleAClerkCanMeet_HasItsClerksWords()
    {
        var clerks = RuleCatalog.Content.Concat(RuleCatalog.Workbook).Concat(RuleCatalog.File.Where(static r => r.Code is RuleCodes.D3 or RuleCodes.D5 or RuleCodes.D8 or RuleCodes.D9 or RuleCodes.D10 or RuleCodes.D11 or RuleCodes.S1));
        Assert.All(clerks, static r => Assert.False(string.IsNullOrWhiteSpace(r.Clerk), r.Code));
        string[] clerksOwnWords = ["xls", "xlsx", "xlsm", "xlsb", "et", "Excel", "WPS", "TRUE", "FALSE", "DIV", "MB", "XX", "N"]; // what the clerk sees on screen
        Assert.All(RuleCatalog.All.Where(static r => r.Clerk is not null), r =>
            Assert.All(System.Text.RegularExpressions.Regex.Matches(r.Clerk!, "[A-Za-z]+"), m => Assert.Contains(m.Value, clerksOwnWords)));
    }

    [Fact]
    public void Tests_NameRuleCodesThroughTheCatalogue_NeverAsText()
    {
        // A code written as text in a test survives its rule being renumbered or removed; RuleCodes.X does not compile then.
        var literal = new System.Text.RegularExpressions.Regex(@"(?<![\w\\])""[DVXTS][0-9]{1,2}""");
        var found = Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith(nameof(RuleCatalogTests) + ".cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)).Where(l => literal.IsMatch(l.line)).Select(l => $"{Path.GetFileName(l.f)}:{l.i + 1}"))
            .ToList();

        Assert.True(found.Count == 0, string.Join(", ", found));
    }

    [Fact]
    public void EveryCodeInTheFixtures_IsCatalogued()
    {
        var code = new System.Text.RegularExpressions.Regex(@"""code"":\s*""(?<c>[A-Z][0-9]+)""|\[(?<c>[DVXTS][0-9]+)\]");
        var used = Directory.EnumerateFiles(Path.Combine(Repo.Root, "fixtures"), "*", SearchOption.AllDirectories)
            .Where(static f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .SelectMany(f => code.Matches(File.ReadAllText(f)).Select(static m => m.Groups["c"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Subset(RuleCatalog.All.Select(static r => r.Code).ToHashSet(StringComparer.Ordinal), used);
    }

    [Fact]
    public void TemplateRules_SayWhatToDo()
        => Assert.All(RuleCatalog.Template, static r => Assert.False(string.IsNullOrWhiteSpace(r.Fix), r.Code));

    [Theory]
    [MemberData(nameof(Documents))]
    public void RuleTablesInTheDocs_AreTheCatalogues(string document)
    {
        var path = Path.Combine(Repo.Root, "docs", document);
        var text = File.ReadAllText(path);
        var written = RuleTables.Rewrite(text);

        if (Environment.GetEnvironmentVariable("DOCGEN_APPROVE") == "1")
        {
            // Approval never passes: it writes the tables and asks a person to read the change.
            File.WriteAllText(path, written);
            Assert.Fail(written == text ? $"{path} is unchanged; run again without DOCGEN_APPROVE." : $"Wrote {path}: read it (git diff docs/), then run again without DOCGEN_APPROVE.");
        }

        Assert.Contains("<!-- rule-table: ", text, StringComparison.Ordinal);
        Assert.Equal(written, text);
    }

    [Fact]
    public void ATableMarkerLeftOpen_OrNamedWrongly_IsAnError()
    {
        Assert.Throws<FormatException>(() => RuleTables.Rewrite("<!-- rule-table: File -->\n| old |\n"));
        Assert.Throws<FormatException>(() => RuleTables.Rewrite("<!-- rule-table: Nothing -->\n<!-- /rule-table -->\n"));
    }
}
