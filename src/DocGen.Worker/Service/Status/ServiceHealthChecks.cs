using Microsoft.Extensions.Diagnostics.HealthChecks;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// The checks of <c>/health</c> as the framework's <see cref="IHealthCheck"/>s (registered by
/// <see cref="Register"/>, run by its health-check middleware, written by <see cref="HealthReportWriter"/>):
/// the folders, the template (a refused replacement, while the last good one is in use, is Degraded;
/// no usable template is Unhealthy: submissions wait), the PDF converters (Degraded while PDFs wait
/// for the environment in <c>pdf-pending/</c>), the queue.
/// </summary>
public static class ServiceHealthChecks
{
    public static IHealthChecksBuilder Register(IHealthChecksBuilder checks, InboxFolders folders, TemplateStore templates, PdfOutput pdf, PendingPdfs pendingPdfs, InboxService inbox)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return checks
            .AddCheck("folders", () => folders.All.Where(static f => !Directory.Exists(f)).ToList() is { Count: > 0 } missing
                ? HealthCheckResult.Unhealthy("missing (recreated at the next scan if it can be): " + string.Join(", ", missing))
                : HealthCheckResult.Healthy("every folder is there"))
            .AddCheck("template", () => Template(templates))
            .AddCheck("pdf", () => pdf.Converters is not { } converters ? HealthCheckResult.Healthy("off")
                : pendingPdfs.Waiting > 0 ? HealthCheckResult.Degraded($"on, {converters.Converters} converters; {pendingPdfs.Waiting} PDFs wait in pdf-pending/ for the environment (a full temporary folder, LibreOffice not starting)", data: new Dictionary<string, object> { ["pending"] = pendingPdfs.Waiting })
                : HealthCheckResult.Healthy($"on, {converters.Converters} converters"))
            .AddCheck("queue", () => HealthCheckResult.Healthy($"{inbox.Queued} queued or in progress",
                new Dictionary<string, object> { ["depth"] = inbox.Queued, ["oldestSeconds"] = Math.Round(inbox.OldestWaiting.TotalSeconds, 1) }));
    }

    private static HealthCheckResult Template(TemplateStore templates)
    {
        var problems = templates.Problems is not { } found ? null : new Dictionary<string, object>
        {
            ["problems"] = found.Select(static p => new Dictionary<string, string?> { ["code"] = p.Code, ["where"] = p.Location?.Describe(), ["message"] = p.Message, ["messageEn"] = p.MessageEn }).ToList(),
        };
        if (templates.Current is not { } current)
        {
            return HealthCheckResult.Unhealthy($"no usable template at {templates.TemplatePath}: submissions wait until one compiles", data: problems);
        }

        return problems is null
            ? HealthCheckResult.Healthy($"{current.Name} in use (sha256 {current.Sha256})")
            : HealthCheckResult.Degraded($"a new version of {current.Name} was refused; the last good one (sha256 {current.Sha256}) stays in use until it is fixed", data: problems);
    }
}
