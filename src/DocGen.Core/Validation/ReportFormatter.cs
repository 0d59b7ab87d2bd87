using System.Globalization;
using System.Text;
using System.Text.Json;
using DocGen.Core.Json;

namespace DocGen.Core.Validation;

/// <summary>
/// Writes a validation report for people (Chinese first, English beside it; each issue led by
/// where it is in the clerk's words, then what to do, then the JSON path for programs and
/// helpers) and for programs (JSON, with the same location as a field of its own).
/// </summary>
public static class ReportFormatter
{
    /// <summary>
    /// Warnings of one rule listed one by one in the text report; the rest are counted in one line
    /// (a 10,000-indicator table with the same slip in every row stays readable; errors are always
    /// all listed, and the JSON report lists every warning).
    /// </summary>
    public const int WarningsListedPerRule = 20;

    public static string ToText(ValidationReport report, string source)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"文件 File: {source}\n");
        sb.Append(report.IsValid
            ? report.WarningCount == 0 ? "结果：通过校验。 Result: valid.\n" : $"结果：通过校验，有 {report.WarningCount} 条警告（不影响生成文档）。 Result: valid, {report.WarningCount} warning(s).\n"
            : $"结果：未通过校验，{report.ErrorCount} 个错误，{report.WarningCount} 条警告。文档未生成，请修改后重新提交。 Result: invalid, {report.ErrorCount} error(s), {report.WarningCount} warning(s).\n");
        var n = 0;
        var listed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var issue in report.Issues)
        {
            if (issue.Severity == Severity.Warning && (listed[issue.Code] = listed.GetValueOrDefault(issue.Code) + 1) > WarningsListedPerRule)
            {
                continue;
            }

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

        foreach (var (code, count) in listed.Where(static c => c.Value > WarningsListedPerRule))
        {
            var more = count - WarningsListedPerRule;
            sb.Append(inv, $"\n另有 {more} 条 [{code}] 警告与上面同类，未逐条列出；完整列表见 JSON 报告（--json 或 .errors.json）。\n   {more} more [{code}] warning(s) like those above are not listed; the JSON report (--json, .errors.json) lists them all.\n");
        }

        return sb.ToString();
    }

    public static string ToJson(ValidationReport report, string source)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(new JsonReport(source, report.IsValid, report.ErrorCount, report.WarningCount, report.Issues), s_json) + "\n";
    }

    private static readonly JsonSerializerOptions s_json = new(OutputJson.Options) { TypeInfoResolver = ReportJsonContext.Default };
}
