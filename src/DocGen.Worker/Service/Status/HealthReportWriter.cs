using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// Writes the framework's health report as <c>/health</c> always has: an overall status, when the
/// service started and last published, and each check with its status, description and data.
/// The status code is the middleware's: 503 when Unhealthy.
/// </summary>
public sealed class HealthReportWriter(ServiceStatus status)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var checks = new JsonObject();
        foreach (var (name, entry) in report.Entries)
        {
            var check = new JsonObject { ["status"] = entry.Status.ToString(), ["description"] = entry.Description };
            foreach (var (key, value) in entry.Data)
            {
                check[key] = JsonSerializer.SerializeToNode(value, s_json);
            }

            checks[name] = check;
        }

        var body = new JsonObject
        {
            ["status"] = report.Status.ToString(),
            ["startedAt"] = status.StartedAt,
            ["lastPublished"] = status.LastPublished,
            ["checks"] = checks,
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(s_json), context.RequestAborted);
    }
}
