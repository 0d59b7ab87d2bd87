using System.Globalization;
using System.Text.Json.Nodes;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation;

public sealed class ReportFormatterTests
{
    private static ValidationIssue Issue(string code, Severity severity, int i)
        => new(code, severity, string.Create(CultureInfo.InvariantCulture, $"$.projects[0].indicators[{i}].basis"), $"消息{i}", $"message {i}");

    [Fact]
    public void TextReport_ListsTheFirstWarningsOfARule_AndCountsTheRest()
    {
        var warnings = Enumerable.Range(0, 1000).Select(static i => Issue("V22", Severity.Warning, i));
        var text = ReportFormatter.ToText(new ValidationReport([.. warnings, Issue("V25", Severity.Warning, 0)]), "x.json");

        Assert.Contains("有 1001 条警告", text, StringComparison.Ordinal);
        Assert.Contains($"消息{ReportFormatter.WarningsListedPerRule - 1}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"消息{ReportFormatter.WarningsListedPerRule}\n", text, StringComparison.Ordinal);
        Assert.Contains($"另有 {1000 - ReportFormatter.WarningsListedPerRule} 条 [V22] 警告", text, StringComparison.Ordinal);
        Assert.Contains("[V25]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("条 [V25] 警告与上面同类", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextReport_ListsEveryError()
    {
        var errors = Enumerable.Range(0, 100).Select(static i => Issue("V17", Severity.Error, i)).ToList();
        var text = ReportFormatter.ToText(new ValidationReport(errors), "x.json");

        Assert.All(errors, e => Assert.Contains(e.Path + "\n", text, StringComparison.Ordinal));
        Assert.DoesNotContain("另有", text, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonReport_ListsEveryWarning()
    {
        var warnings = Enumerable.Range(0, 100).Select(static i => Issue("V22", Severity.Warning, i)).ToList();
        var json = JsonNode.Parse(ReportFormatter.ToJson(new ValidationReport(warnings), "x.json"))!;

        Assert.Equal(100, json["issues"]!.AsArray().Count);
    }
}
