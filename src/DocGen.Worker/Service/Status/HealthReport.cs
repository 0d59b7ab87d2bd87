using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// <c>GET /health</c>, after the ASP.NET health-check conventions: an overall status (Healthy,
/// Degraded, Unhealthy: HTTP 503) and one entry per check — the folders, the template (a refused
/// replacement, with its problems, while the last good one is in use, is Degraded; no usable
/// template is Unhealthy: submissions wait), the PDF converters, the queue.
/// </summary>
public static class HealthReport
{
    public static (int StatusCode, string Json) Build(InboxFolders folders, TemplateStore templates, PdfOutput pdf, ServiceStatus status, int queued, TimeSpan oldest)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(status);
        var missing = folders.All.Where(static f => !Directory.Exists(f)).ToList();
        var checks = new JsonObject
        {
            ["folders"] = Check(missing.Count == 0 ? Healthy : Unhealthy, missing.Count == 0 ? "every folder is there" : "missing (recreated at the next scan if it can be): " + string.Join(", ", missing)),
            ["template"] = TemplateCheck(templates),
            ["pdf"] = Check(Healthy, pdf.Converters is { } converters ? $"on, {converters.Converters} converters" : "off"),
            ["queue"] = Check(Healthy, $"{queued} queued or in progress", new JsonObject { ["depth"] = queued, ["oldestSeconds"] = Math.Round(oldest.TotalSeconds, 1) }),
        };
        var overall = checks.Select(static c => c.Value!["status"]!.GetValue<string>()).Aggregate(Healthy, Worst);
        var report = new JsonObject
        {
            ["status"] = overall,
            ["startedAt"] = status.StartedAt,
            ["lastPublished"] = status.LastPublished,
            ["checks"] = checks,
        };
        return (overall == Unhealthy ? 503 : 200, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private const string Healthy = "Healthy";
    private const string Degraded = "Degraded";
    private const string Unhealthy = "Unhealthy";

    private static JsonObject TemplateCheck(TemplateStore templates)
    {
        if (templates.Current is not { } current)
        {
            return Check(Unhealthy, $"no usable template at {templates.TemplatePath}: submissions wait until one compiles", Problems(templates));
        }

        return templates.Problems is null
            ? Check(Healthy, $"{current.Name} in use (sha256 {current.Sha256})")
            : Check(Degraded, $"a new version of {current.Name} was refused; the last good one (sha256 {current.Sha256}) stays in use until it is fixed", Problems(templates));
    }

    private static JsonObject? Problems(TemplateStore templates) => templates.Problems is not { } problems ? null : new JsonObject
    {
        ["problems"] = new JsonArray([.. problems.Select(static p => (JsonNode)new JsonObject
        {
            ["code"] = p.Code,
            ["where"] = p.Location?.Describe(),
            ["message"] = p.Message,
            ["messageEn"] = p.MessageEn,
        })]),
    };

    private static JsonObject Check(string state, string description, JsonObject? data = null)
    {
        var check = new JsonObject { ["status"] = state, ["description"] = description };
        foreach (var (key, value) in data ?? [])
        {
            check[key] = value?.DeepClone();
        }

        return check;
    }

    private static string Worst(string a, string b) => a == Unhealthy || b == Unhealthy ? Unhealthy : a == Degraded || b == Degraded ? Degraded : Healthy;
}
