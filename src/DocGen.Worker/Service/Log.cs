namespace DocGen.Worker.Service;

/// <summary>Every log line of the service: stable event ids, named properties (structured logs).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "DocGen started. Inbox {Inbox}; out {Out}; failed {Failed}; archive {Archive}; processing {Processing}; template {Template}; concurrency {Concurrency}; PDF {Pdf}. Drop JSON files into the inbox (write to a .tmp name, then rename).")]
    public static partial void Started(this ILogger logger, string inbox, string @out, string failed, string archive, string processing, string template, int concurrency, string pdf);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "DocGen stopping; unfinished submissions stay claimed and are resumed at the next start.")]
    public static partial void Stopping(this ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Warmed up in {ElapsedMs:F0} ms: a built-in sample (generated: {Generated}) and a broken one (rejected: {Rejected}) went through claim, validation, rendering, report and publishing in a scratch folder before the first submission")]
    public static partial void WarmedUp(this ILogger logger, double elapsedMs, bool generated, bool rejected);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "No warm-up ({Reason}); the first submissions take longer")]
    public static partial void WarmUpSkipped(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Status pages at {Address}: / (状态页), /health, /metrics")]
    public static partial void StatusListening(this ILogger logger, string address);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Status pages not started at {Address}: {Reason}. The service runs without them; set DocGen:Http to another address, or off")]
    public static partial void StatusNotStarted(this ILogger logger, string address, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "OTLP export on (OTEL_EXPORTER_OTLP_*): traces {Traces}, metrics {Metrics}, protocol {Protocol}")]
    public static partial void OtlpExport(this ILogger logger, bool traces, bool metrics, string protocol);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Publishing flushes {Scope}")]
    public static partial void FlushScopeChosen(this ILogger logger, string scope);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Submission {File}: {Outcome} in {ElapsedMs:F0} ms -> {Output}{Pdf} ({WarningCount} warnings)")]
    public static partial void Processed(this ILogger logger, string file, string outcome, double elapsedMs, string output, string pdf, int warningCount);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Submission {File}: rejected in {ElapsedMs:F0} ms with {ErrorCount} errors -> {Report}")]
    public static partial void Rejected(this ILogger logger, string file, double elapsedMs, int errorCount, string report);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Submission {File}: processing failed; it stays claimed and is tried again at the next rescan")]
    public static partial void ProcessingFailed(this ILogger logger, Exception exception, string file);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Taking over claimed submission {Claim}, left by an earlier run or waiting since a failure (said once per claim)")]
    public static partial void Recovering(this ILogger logger, string claim);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Submission {File}: malformed JSON while the file is still changing; reading it again (attempt {Attempt})")]
    public static partial void ParseRetry(this ILogger logger, string file, int attempt);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Transient I/O error, retry {Attempt} in {DelayMs:F0} ms ({Suppressed} more retries of this kind since the last such line): {Message}")]
    public static partial void TransientRetry(this ILogger logger, int attempt, double delayMs, int suppressed, string message);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Submission {File}: could not lock a new claim folder in {Processing} ({Attempts} attempts); it stays in the inbox for the next pass")]
    public static partial void ClaimNotLocked(this ILogger logger, string file, string processing, int attempts);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Submission {File}: processing failed ({Suppressed} more failures of this kind since the last such line); it stays claimed and is tried again")]
    public static partial void ProcessingFailedAgain(this ILogger logger, Exception exception, string file, int suppressed);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Inbox entry with a name that is not UTF-8 renamed to {Name} so that it can be processed")]
    public static partial void RenamedInvalidName(this ILogger logger, string name);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Error, Message = "Submission {File}: no PDF after {Attempts} attempts ({Reason}); the Word document is published without it and the receipt says why")]
    public static partial void PdfMissing(this ILogger logger, string file, int attempts, string reason);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "{Kind} {Entry} in DocGen's own folders was not made by DocGen ({Reason}{Detail}); moved aside to {Target}, never opened")]
    public static partial void MovedAside(this ILogger logger, IO.EntryKind kind, string entry, QuarantineReason reason, string detail, string target);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "{Kind} {Entry} in DocGen's own folders was not made by DocGen ({Reason}{Detail}) and could not be moved aside: {Message}; it is left alone and never opened")]
    public static partial void NotMovedAside(this ILogger logger, IO.EntryKind kind, string entry, QuarantineReason reason, string detail, string message);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "DocGen's folder {Folder} was replaced by a link to {Target} while it ran; the link is removed and the folder made again")]
    public static partial void FolderReplacedByLink(this ILogger logger, string folder, string target);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Retention: {Removed} rejected submissions removed from {Folder} ({Kept} kept: at most {MaxCount}, none older than {Days} days; 0 is no limit)")]
    public static partial void RetentionRemoved(this ILogger logger, int removed, string folder, int kept, int maxCount, double days);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "Retention: could not remove a rejected submission from {Folder} ({Message}); tried again at the next sweep")]
    public static partial void RetentionFailed(this ILogger logger, string folder, string message);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Submission {File}: its PDF could not be made for a reason outside the document ({Reason}); the Word document is published, the PDF waits in pdf-pending/ and is made once the environment recovers")]
    public static partial void PdfDeferred(this ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "PDF of {Document} made later, {WaitedMinutes:F0} min after it was deferred: {Pdf}; its receipt rewritten")]
    public static partial void PdfMadeLater(this ILogger logger, string document, double waitedMinutes, string pdf);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Could not read the template {Template}; the last good version stays in use and it is read again at the next rescan")]
    public static partial void TemplateNotRead(this ILogger logger, Exception exception, string template);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Inbox watcher error ({Message}); rescanning the inbox")]
    public static partial void WatcherError(this ILogger logger, string message);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Scanning {Folder} failed ({Suppressed} more failures of this kind since the last such line); trying again at the next rescan")]
    public static partial void ScanFailed(this ILogger logger, Exception exception, string folder, int suppressed);

    /// <summary>A failure of one file is logged (2002); a failure of the environment that every waiting file meets, once a minute per kind with a count (2007).</summary>
    public static void ProcessingFailure(this ILogger logger, LogThrottle throttle, Exception exception, string file)
    {
        if (!Failures.IsEnvironmental(exception))
        {
            logger.ProcessingFailed(exception, file);
        }
        else if (throttle.ShouldLog(LogThrottle.KindOf(exception), out var suppressed))
        {
            logger.ProcessingFailedAgain(exception, file, suppressed);
        }
    }
}
