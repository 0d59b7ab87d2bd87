using System.Text;

namespace DocGen.Core.Rules;

/// <summary>
/// The catalogue's tables as they stand in the documentation, between
/// <c>&lt;!-- rule-table: Name --&gt;</c> and <c>&lt;!-- /rule-table --&gt;</c>: the documents
/// show what the code reports, and a test fails when they differ.
/// </summary>
public static class RuleTables
{
    /// <summary>The tables by the name their marker gives.</summary>
    public static IReadOnlyDictionary<string, string> ByName { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(RuleCatalog.File)] = Table(RuleCatalog.File, "| code | what | sev |"),
        [nameof(RuleCatalog.Content)] = Table(RuleCatalog.Content, "| code | rule | sev |"),
        [nameof(RuleCatalog.Workbook)] = Table(RuleCatalog.Workbook, "| code | what | sev |"),
        [nameof(RuleCatalog.Template)] = Table(RuleCatalog.Template, "| 代码 | 含义 | 怎么改 |"),
        ["Clerk"] = ClerkTable(RuleCatalog.All.Where(static r => r.Clerk is not null)),
    };

    /// <summary>
    /// <paramref name="document"/> with every marked table written from the catalogue; an unknown
    /// name or a marker left open is an error (a document must not silently keep an old table).
    /// </summary>
    public static string Rewrite(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        const string Open = "<!-- rule-table: ";
        const string Close = "<!-- /rule-table -->";
        var text = new StringBuilder();
        var at = 0;
        for (var start = document.IndexOf(Open, StringComparison.Ordinal); start >= 0; start = document.IndexOf(Open, at, StringComparison.Ordinal))
        {
            var nameEnd = document.IndexOf(" -->", start, StringComparison.Ordinal);
            var end = document.IndexOf(Close, start, StringComparison.Ordinal);
            if (nameEnd < 0 || end < 0)
            {
                throw new FormatException($"A rule table opened at character {start} is not closed with {Close}.");
            }

            var name = document[(start + Open.Length)..nameEnd];
            var table = ByName.TryGetValue(name, out var found) ? found : throw new FormatException($"No rule table is named '{name}'.");
            text.Append(document, at, nameEnd + 4 - at).Append('\n').Append(table);
            at = end;
        }

        return text.Append(document, at, document.Length - at).ToString();
    }

    private static string Table(IEnumerable<Rule> rules, string header)
    {
        var text = new StringBuilder(header).Append('\n').Append("|---|---|---|\n");
        foreach (var rule in rules)
        {
            text.Append("| ").Append(rule.Code).Append(" | ").Append(rule.What).Append(" | ").Append(rule.Fix ?? Severity(rule.Severity)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>The clerk guide's table: Chinese only, in the workbook's words.</summary>
    private static string ClerkTable(IEnumerable<Rule> rules)
    {
        var text = new StringBuilder("| 代码 | 是什么问题，怎么办 | 类别 |\n|---|---|---|\n");
        foreach (var rule in rules)
        {
            var kind = rule.Severity switch
            {
                RuleSeverity.Error => "错误",
                RuleSeverity.Warning => "提醒",
                _ => "错误或提醒",
            };
            text.Append("| ").Append(rule.Code).Append(" | ").Append(rule.Clerk).Append(" | ").Append(kind).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Severity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "E",
        RuleSeverity.Warning => "W",
        _ => "E/W",
    };
}
