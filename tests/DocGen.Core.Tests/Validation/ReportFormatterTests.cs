using System.Globalization;
using System.Text.Json.Nodes;
using DocGen.Core.Validation;
using DocGen.Core.Rules;

namespace DocGen.Core.Tests.Validation;

public sealed class ReportFormatterTests
{
    private static ValidationIssue Issue(string code, Severity severity, int i)
        => new(code, severity, string.Create(CultureInfo.InvariantCulture, $"$.projects[0].indicators[{i}].basis"), $"消息{i}", $"message {i}");

    [Fact]
    public void TextReport_ListsTheFirstWarningsOfARule_AndCountsTheRest()
    {
        var warnings = Enumerable.Range(0, 1000).Select(static i => Issue(RuleCodes.V22, Severity.Warning, i));
        var text = ReportFormatter.ToText(new ValidationReport([.. warnings, Issue(RuleCodes.V25, Severity.Warning, 0)]), "x.json");

        Assert.Contains("有 1001 条警告", text, StringComparison.Ordinal);
        Assert.Contains($"消息{ReportFormatter.WarningsListedPerRule - 1}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"消息{ReportFormatter.WarningsListedPerRule}\n", text, StringComparison.Ordinal);
        Assert.Contains($"另有 {1000 - ReportFormatter.WarningsListedPerRule} 条 [V22] 警告", text, StringComparison.Ordinal);
        Assert.Contains("[V25]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("条 [V25] 警告与上面同类", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextReport_ListsAHundredErrorsOfARule_AndCountsTheRest()
    {
        var errors = Enumerable.Range(0, 150).Select(static i => Issue(RuleCodes.V17, Severity.Error, i)).ToList();
        var text = ReportFormatter.ToText(new ValidationReport(errors), "x.json");

        Assert.All(errors.Take(ReportFormatter.ErrorsListedPerRule), e => Assert.Contains(e.Path + "\n", text, StringComparison.Ordinal));
        Assert.DoesNotContain(errors[ReportFormatter.ErrorsListedPerRule].Path + "\n", text, StringComparison.Ordinal);
        Assert.Contains($"另有 {150 - ReportFormatter.ErrorsListedPerRule} 条 [V17] 错误", text, StringComparison.Ordinal);
        Assert.Contains("150 个错误", text, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonReport_ListsTwoHundredIssuesOfARule_AndCountsTheRestInOmitted()
    {
        var warnings = Enumerable.Range(0, 250).Select(static i => Issue(RuleCodes.V22, Severity.Warning, i)).ToList();
        var json = JsonNode.Parse(ReportFormatter.ToJson(new ValidationReport([.. warnings, Issue(RuleCodes.V25, Severity.Warning, 0)]), "x.json"))!;

        Assert.Equal(ReportFormatter.IssuesListedPerRuleInJson + 1, json["issues"]!.AsArray().Count);
        Assert.Equal(251, json["warningCount"]!.GetValue<int>());
        var omitted = Assert.Single(json["omitted"]!.AsArray());
        Assert.Equal(RuleCodes.V22, omitted!["code"]!.GetValue<string>());
        Assert.Equal(50, omitted["count"]!.GetValue<int>());
    }

    [Fact]
    public void JsonReport_WithEveryIssueListed_HasNoOmitted()
    {
        var json = JsonNode.Parse(ReportFormatter.ToJson(new ValidationReport([Issue(RuleCodes.V22, Severity.Warning, 0)]), "x.json"))!;

        Assert.Null(json["omitted"]);
    }

    [Fact]
    public void Reports_OfThousandsOfLongIssues_StayUnderAMebibyte()
    {
        var rules = Enumerable.Range(1, 29).Select(static r => string.Create(CultureInfo.InvariantCulture, $"V{r}"));
        var issues = rules.SelectMany(code => Enumerable.Range(0, 300).Select(i => new ValidationIssue(code, Severity.Error, "$.projects[0].name", new string('长', 2000), new string('x', 2000)))).ToList();
        var report = new ValidationReport(issues);

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(ReportFormatter.ToText(report, "x.json")), 1, 1024 * 1024);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(ReportFormatter.ToJson(report, "x.json")), 1, 1024 * 1024);
    }
}
