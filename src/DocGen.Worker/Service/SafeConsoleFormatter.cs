using DocGen.Worker.IO;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service;

/// <summary>
/// Every log line of the service, one line each, with what it quotes shown safely: names come from
/// whoever writes to the inbox, and a file called <c>"\e[2J"</c> or <c>"\u202Eexe.json"</c> must not
/// clear an operator's terminal or pass for another name in the journal. Control and
/// bidirectional characters in the message and the exception are escaped (<see cref="DisplayName"/>).
/// The layout is the simple formatter's single line (<c>time level: category[id] message</c>), or
/// under systemd the journal's (<c>&lt;priority&gt;category[id] message</c>), as the built-in
/// formatters write them.
/// </summary>
public sealed class SafeConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options, TimeProvider time) : ConsoleFormatter(FormatterName)
{
    /// <summary>The name this formatter is chosen by (<c>Logging:Console:FormatterName</c>).</summary>
    public const string FormatterName = "docgen";

    /// <summary>Journal priorities (<c>sd-daemon.h</c>) under systemd; the level's four letters elsewhere.</summary>
    private static readonly bool s_underSystemd = Microsoft.Extensions.Hosting.Systemd.SystemdHelpers.IsSystemdService();

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        if (s_underSystemd)
        {
            textWriter.Write(Priority(logEntry.LogLevel));
        }
        else
        {
            if (settings.TimestampFormat is { } format)
            {
                var now = settings.UseUtcTimestamp ? time.GetUtcNow() : time.GetLocalNow();
                textWriter.Write(now.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
            }

            textWriter.Write(Level(logEntry.LogLevel));
            textWriter.Write(": ");
        }

        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write(']');
        WriteSafely(textWriter, message);
        WriteSafely(textWriter, logEntry.Exception?.ToString());
        textWriter.Write(Environment.NewLine);
    }

    /// <summary>One line: line breaks become spaces (as the single-line formatter writes them), every other hidden character is escaped.</summary>
    private static void WriteSafely(TextWriter textWriter, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        textWriter.Write(' ');
        textWriter.Write(DisplayName.Of(text.Replace(Environment.NewLine, " ", StringComparison.Ordinal)));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    private static string Priority(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "<7>",
        LogLevel.Information => "<6>",
        LogLevel.Warning => "<4>",
        LogLevel.Error => "<3>",
        _ => "<2>",
    };
}
