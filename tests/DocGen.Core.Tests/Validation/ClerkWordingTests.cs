using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using static DocGen.Core.Tests.Support.Seed;

namespace DocGen.Core.Tests.Validation;

/// <summary>
/// The Chinese message of every rule is the clerk's: it names fields by the labels a workbook and
/// the document print (计量单位), never by the JSON member a program writes (<c>unit</c>) — those are
/// in the English message and the path, which integrators read. Run over every failing case of
/// every rule (<see cref="RuleCases"/>), so that a new rule cannot forget its clerk's words.
/// </summary>
public sealed partial class ClerkWordingTests
{
    public static TheoryData<string> FailingCases => [.. RuleCases.Failing.Keys];

    /// <summary>Every member name of the submission model, every value of its enumerations, as JSON writes them, and the frameworks' names.</summary>
    private static readonly HashSet<string> s_jsonWords = JsonWords();

    [Theory]
    [MemberData(nameof(FailingCases))]
    public void ChineseMessage_NamesNoJsonMember(string name)
    {
        var check = CheckWith(RuleCases.Failing[name].Mutate);

        foreach (var issue in check.Report.Issues)
        {
            var unquoted = Quotation().Replace(issue.Message, ""); // what the submitter typed may be anything
            var words = AsciiWord().Matches(unquoted).Select(static m => m.Value).Where(s_jsonWords.Contains).ToList();
            Assert.True(words.Count == 0, $"[{issue.Code}] {issue.Message}: names {string.Join(", ", words)}");
        }
    }

    private static HashSet<string> JsonWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(Submission).Assembly.GetTypes().Where(static t => t.Namespace == typeof(Submission).Namespace))
        {
            if (type.IsEnum)
            {
                foreach (var value in Enum.GetNames(type))
                {
                    words.Add(JsonNamingPolicy.CamelCase.ConvertName(value));
                }
            }
            else
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    words.Add(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
                }
            }
        }

        words.Remove("id"); // too short to tell from text
        words.UnionWith(Support.Repo.Validator.Frameworks.Names); // a framework is named by its title (财预〔2021〕101号), never its file's name
        return words;
    }

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9]*\b")]
    private static partial Regex AsciiWord();
}
