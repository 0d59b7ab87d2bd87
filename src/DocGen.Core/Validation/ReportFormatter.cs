using System.Globalization;
using System.Text;
using System.Text.Json;
using DocGen.Core.Json;

namespace DocGen.Core.Validation;

/// <summary>
/// Writes a validation report for people (Chinese first, English beside it; each issue led by
/// where it is in the clerk's words, then what to do, then the JSON path for programs and
/// helpers) and for programs (JSON, with the same location as a field of its own). Both are
/// bounded (<see cref="ReportSelection"/>): past a number of issues per rule, or a MiB in all,
/// issues are counted by rule rather than listed.
/// </summary>
public static class ReportFormatter
{
    /// <summary>
    /// Warnings of one rule listed one by one in the text report; the rest are counted in one line
    /// (a 10,000-indicator table with the same slip in every row stays readable).
    /// </summary>
    public const int WarningsListedPerRule = 20;

    /// <summary>Errors of one rule listed in the text report; the rest are counted in one line.</summary>
    public const int ErrorsListedPerRule = 100;

    /// <summary>Issues of one rule and severity listed in the JSON report; the rest are counted in its <c>omitted</c>.</summary>
    public const int IssuesListedPerRuleInJson = 200;

    /// <summary>
    /// The most either report takes, whatever the file: past it, issues are counted, not listed
    /// (a hostile file once left 192 MB of report). The counts and the header fit in what is left of a MiB.
    /// </summary>
    public const int MaxListedBytes = 900 * 1024;

    public static string ToText(ValidationReport report, string source)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"文件 File: {source}\n");
        sb.Append(report.IsValid
            ? report.WarningCount == 0 ? "结果：通过校验。 Result: valid.\n" : $"结果：通过校验，有 {report.WarningCount} 条警告（不影响生成文档）。 Result: valid, {report.WarningCount} warning(s).\n"
            : $"结果：未通过校验，{report.ErrorCount} 个错误，{report.WarningCount} 条警告。文档未生成，请修改后重新提交。 Result: invalid, {report.ErrorCount} error(s), {report.WarningCount} warning(s).\n");
        var (listed, omitted) = ReportSelection.Select(report, static s => s == Severity.Error ? ErrorsListedPerRule : WarningsListedPerRule, MaxListedBytes);
        var n = 0;
        foreach (var issue in listed)
        {
            n++;
            var kind = issue.Severity == Severity.Error ? "错误 Error" : "警告 Warning";
            sb.Append(inv, $"\n{n}. [{issue.Code}] {kind} — {issue.Location ?? issue.Path}\n");
            if (issue.Excerpt is { Length: > 0 } excerpt)
            {
                foreach (var line in excerpt.Split('\n'))
                {
                    sb.Append("   | ").Append(line).Append('\n');
                }
            }

            sb.Append(inv, $"   {issue.Message}\n   {issue.MessageEn}\n");
            if (issue.Line is null)
            {
                sb.Append(inv, $"   路径 Path: {issue.Path}\n");
            }
        }

        foreach (var (code, severity, more) in omitted)
        {
            var (zh, en) = severity == Severity.Error ? ("错误", "error(s)") : ("警告", "warning(s)");
            sb.Append(inv, $"\n另有 {more} 条 [{code}] {zh}与上面同类，未逐条列出。\n   {more} more [{code}] {en} like those above are not listed.\n");
        }

        return sb.ToString();
    }

    public static string ToJson(ValidationReport report, string source)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (listed, omitted) = ReportSelection.Select(report, static _ => IssuesListedPerRuleInJson, MaxListedBytes);
        return JsonSerializer.Serialize(new JsonReport(source, report.IsValid, report.ErrorCount, report.WarningCount, listed) { Omitted = omitted.Count == 0 ? null : omitted }, s_json) + "\n";
    }

    private static readonly JsonSerializerOptions s_json = new(OutputJson.Options) { TypeInfoResolver = ReportJsonContext.Default };
}
