using Microsoft.Extensions.Logging;

namespace DocGen.Worker.Templates;

/// <summary>The template store's log lines (event ids 3000–3003; 3004, a template the service could not read, is the service's).</summary>
internal static partial class TemplateLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Template {Template} compiled (sha256 {Sha256}) in {ElapsedMs:F0} ms; used from the next submission")]
    public static partial void TemplateLoaded(this ILogger logger, string template, string sha256, double elapsedMs);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Template {Template} has {ProblemCount} problems (see {Report}); the last good version stays in use")]
    public static partial void TemplateBroken(this ILogger logger, string template, int problemCount, string report);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "No usable template yet ({Template}); submissions wait in the inbox until it is fixed")]
    public static partial void NoTemplate(this ILogger logger, string template);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Could not write or remove the template report {Report}: {Message}")]
    public static partial void TemplateReportNotWritten(this ILogger logger, string report, string message);
}
