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

    public static string ToText(ValidationReport report, string source, ReportAudience audience = ReportAudience.Integrator)
    {
        ArgumentNullException.ThrowIfNull(report);
        var clerk = audience == ReportAudience.Clerk;
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(clerk ? $"文件：{source}\n" : $"文件 File: {source}\n");
        sb.Append((report.IsValid, report.WarningCount, clerk) switch
        {
            (true, 0, true) => "结果：通过校验。\n",
            (true, 0, false) => "结果：通过校验。 Result: valid.\n",
            (true, var w, true) => string.Create(inv, $"结果：通过校验，有 {w} 条提醒（不影响生成文档）。\n"),
            (true, var w, false) => string.Create(inv, $"结果：通过校验，有 {w} 条警告（不影响生成文档）。 Result: valid, {w} warning(s).\n"),
            (false, var w, true) => string.Create(inv, $"结果：未通过校验，{report.ErrorCount} 个错误，{w} 条提醒。文档未生成，请按下面逐条修改后重新提交。\n"),
            (false, var w, false) => string.Create(inv, $"结果：未通过校验，{report.ErrorCount} 个错误，{w} 条警告。文档未生成，请修改后重新提交。 Result: invalid, {report.ErrorCount} error(s), {w} warning(s).\n"),
        });
        AppendIssues(sb, report, audience);
        return sb.ToString();
    }

    /// <summary>
    /// The note published beside a document generated with warnings (<c>x.warnings.txt</c>): what to
    /// check, in the same words as a report, for the same reader; null when there is nothing to say.
    /// </summary>
    public static string? ToWarningsNote(ValidationReport report, string source, ReportAudience audience = ReportAudience.Integrator)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.WarningCount == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(audience == ReportAudience.Clerk
            ? string.Create(inv, $"文件：{source}\n文档已生成。下面 {report.WarningCount} 条提醒请逐条核对；需要修改的，改好后重新提交即可生成新的文档。\n")
            : string.Create(inv, $"文件 File: {source}\n文档已生成。下面 {report.WarningCount} 条警告请逐条核对。 The document was generated; check these {report.WarningCount} warning(s).\n"));
        AppendIssues(sb, new ValidationReport([.. report.Warnings]), audience);
        return sb.ToString();
    }

    private static void AppendIssues(StringBuilder sb, ValidationReport report, ReportAudience audience)
    {
        var clerk = audience == ReportAudience.Clerk;
        var inv = CultureInfo.InvariantCulture;
        var (listed, omitted) = ReportSelection.Select(report, static s => s == Severity.Error ? ErrorsListedPerRule : WarningsListedPerRule, MaxListedBytes);
        var n = 0;
        foreach (var issue in listed)
        {
            n++;
            var kind = (issue.Severity, clerk) switch
            {
                (Severity.Error, true) => "错误",
                (Severity.Error, false) => "错误 Error",
                (_, true) => "提醒",
                _ => "警告 Warning",
            };
            sb.Append(inv, $"\n{n}. [{issue.Code}] {kind} — {issue.Location ?? (clerk ? "整个文件" : issue.Path)}\n");
            if (issue.Excerpt is { Length: > 0 } excerpt)
            {
                foreach (var line in excerpt.Split('\n'))
                {
                    sb.Append("   | ").Append(line).Append('\n');
                }
            }

            sb.Append(inv, $"   {issue.Message}\n");
            if (!clerk)
            {
                sb.Append(inv, $"   {issue.MessageEn}\n");
                if (issue.Line is null)
                {
                    sb.Append(inv, $"   路径 Path: {issue.Path}\n");
                }
            }
        }

        foreach (var (code, severity, more) in omitted)
        {
            var (zh, en) = severity == Severity.Error ? ("错误", "error(s)") : (clerk ? "提醒" : "警告", "warning(s)");
            sb.Append(inv, $"\n另有 {more} 条 [{code}] {zh}与上面同类，未逐条列出。\n");
            if (!clerk)
            {
                sb.Append(inv, $"   {more} more [{code}] {en} like those above are not listed.\n");
            }
        }
    }

    public static string ToJson(ValidationReport report, string source, string? claim = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (listed, omitted) = ReportSelection.Select(report, static _ => IssuesListedPerRuleInJson, MaxListedBytes);
        return JsonSerializer.Serialize(new JsonReport(source, report.IsValid, report.ErrorCount, report.WarningCount, listed) { Omitted = omitted.Count == 0 ? null : omitted, Claim = claim }, s_json) + "\n";
    }

    private static readonly JsonSerializerOptions s_json = new(OutputJson.Options) { TypeInfoResolver = ReportJsonContext.Default };
}
