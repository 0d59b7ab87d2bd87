using Microsoft.Extensions.Logging;

namespace DocGen.Worker.Pdf;

/// <summary>The PDF converters' log lines (event ids 5000–5099).</summary>
internal static partial class PdfLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "PDF converter {Converter} ready: LibreOffice {Version}, process {ProcessId}, started in {StartMs:F0} ms")]
    public static partial void ConverterStarted(this ILogger logger, int converter, int processId, string version, double startMs);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "PDF converter {Converter} could not start: {Reason}")]
    public static partial void ConverterNotStarted(this ILogger logger, int converter, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "PDF converter {Converter}: {File} not converted (attempt {Attempt} of {MaxAttempts}): {Reason}; this converter is stopped and a fresh one takes its next document")]
    public static partial void ConversionFailed(this ILogger logger, int converter, int attempt, int maxAttempts, string file, string reason);
}
