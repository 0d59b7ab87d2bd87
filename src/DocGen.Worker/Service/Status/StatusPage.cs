using System.Globalization;
using System.Net;
using System.Text;
using DocGen.Worker.IO;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// <c>GET /</c>: a status page in Chinese for admins — the template in use (and a refused
/// replacement's problems), today's counts among the latest submissions kept, the PDF converters, and the latest submissions with
/// their outcome (a rejected one's report shown in the page). Plain HTML, readable on a phone;
/// nothing of a submission beyond its name and its report.
/// </summary>
public static class StatusPage
{
    /// <remarks>
    /// The same for every reader (no token in its links: <see cref="StatusAccess"/> keeps it in a
    /// cookie), so <see cref="StatusPageCache"/> renders it once per change. Text from outside —
    /// file names, paths, reports, a template's problems — is HTML-encoded and its hidden characters
    /// shown as <c>\u202E</c> (<see cref="DisplayName"/>), marked.
    /// </remarks>
    public static string Render(ServiceStatus status, TemplateStore templates, PdfOutput pdf, int queued, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(time);
        var today = time.GetLocalNow().Date;
        var latest = status.Latest;
        var todays = latest.Where(s => s.At.ToLocalTime().Date == today).ToList();
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="30"><title>DocGen 运行状态</title>
            <style>body{font-family:sans-serif;margin:1em;max-width:60em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em;text-align:left;vertical-align:top}
            .ok{color:#060}.bad{color:#b00}code.hidden{color:#b00;background:#fee}pre{white-space:pre-wrap;font-size:.85em;background:#f6f6f6;padding:.5em}</style></head><body>
            <h1>DocGen 运行状态</h1>
            """);
        html.Append("<h2>模板</h2>");
        if (templates.Current is { } current)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"ok\">正在使用：{E(current.Name)}（SHA-256 {E(current.Sha256[..12])}…）</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"bad\">没有可用的模板（{E(templates.TemplatePath)}）：申报在收件箱中等待。</p>");
        }

        if (templates.Problems is { } problems)
        {
            html.Append("<p class=\"bad\">新保存的模板有误，未被采用（仍使用上一个可用版本）：</p><ul>");
            foreach (var problem in problems)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>[{E(problem.Code)}] {E(problem.Location?.Describe() ?? "")} {E(problem.Message)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>今天（最近 {ServiceStatus.Kept} 份中）</h2><p>已生成 {todays.Count(static s => s.End == SubmissionEnd.Published)} 份，退回 {todays.Count(static s => s.End == SubmissionEnd.Rejected)} 份，拒收 {todays.Count(static s => s.End == SubmissionEnd.Refused)} 份；排队中 {queued} 份。
            PDF：{(pdf.Converters is { } converters ? $"开启，{converters.Converters} 个转换进程" : "未开启")}。
            服务启动于 {status.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm}。</p>
            <h2>最近的申报（最多 {ServiceStatus.Kept} 份）</h2>
            <table><tr><th>时间</th><th>文件</th><th>结果</th><th>输出</th></tr>
            """);
        foreach (var submission in latest)
        {
            var outcome = submission.End switch
            {
                SubmissionEnd.Published => "<span class=\"ok\">已生成</span>",
                SubmissionEnd.Rejected => $"<span class=\"bad\">退回</span> {E(string.Join(" ", submission.Codes))}",
                _ => $"<span class=\"bad\">拒收（未读取）</span> {E(string.Join(" ", submission.Codes))}",
            };
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{submission.At.ToLocalTime():MM-dd HH:mm:ss}</td><td>{E(submission.Name)}</td><td>{outcome}</td><td>{E(submission.Output)}");
            if (submission.Report is { } report)
            {
                html.Append(submission.End == SubmissionEnd.Published ? "<details><summary>提醒（请核对）</summary><pre>" : "<details><summary>校验报告</summary><pre>")
                    .Append(Shown(report, keepLines: true)).Append("</pre></details>");
            }

            html.Append("</td></tr>");
        }

        return html.Append("</table><p><a href=\"/health\">/health</a> · <a href=\"/metrics\">/metrics</a></p></body></html>").ToString();
    }

    private static string E(string text) => Shown(text, keepLines: false);

    /// <summary>HTML-encoded, each hidden character as its escape in a marked <c>code</c>; a report keeps its line breaks and tabs.</summary>
    private static string Shown(string text, bool keepLines)
    {
        StringBuilder? html = null;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (DisplayName.IsHidden(c) && !(keepLines && c is '\n' or '\t'))
            {
                html ??= new StringBuilder(text.Length + 32);
                html.Append(WebUtility.HtmlEncode(text[start..i])).Append("<code class=\"hidden\">").Append(DisplayName.Escape(c)).Append("</code>");
                start = i + 1;
            }
        }

        return html is null ? WebUtility.HtmlEncode(text) : html.Append(WebUtility.HtmlEncode(text[start..])).ToString();
    }
}
