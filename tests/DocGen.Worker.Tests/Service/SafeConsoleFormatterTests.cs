using DocGen.Worker.Service;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocGen.Worker.Tests.Service;

public sealed class SafeConsoleFormatterTests
{
    private static string Write(string message, Exception? exception = null)
    {
        var options = new StaticOptions(new ConsoleFormatterOptions { TimestampFormat = "HH:mm:ss ", UseUtcTimestamp = true });
        var formatter = new SafeConsoleFormatter(options, new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 30, 0, TimeSpan.Zero)));
        using var writer = new StringWriter();
        formatter.Write(new LogEntry<string>(LogLevel.Warning, "DocGen.Worker.Service.InboxService", new EventId(2001), message, exception, static (s, _) => s), null, writer);
        return writer.ToString();
    }

    [Fact]
    public void TerminalEscapesAndBidirectionalOverrides_InANameFromTheInbox_AreWrittenEscaped()
    {
        var line = Write("Submission \u001b[2J\u202Eexe.json: rejected");

        Assert.Equal(@"08:30:00 warn: DocGen.Worker.Service.InboxService[2001] Submission \u001B[2J\u202Eexe.json: rejected" + Environment.NewLine, line);
    }

    [Fact]
    public void ExceptionOnSeveralLines_StaysOnTheEntrysLine()
    {
        var line = Write("failed", new IOException("first" + Environment.NewLine + "second\u0007"));

        Assert.Single(line.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(@"first second\u0007", line, StringComparison.Ordinal);
    }

    private sealed class StaticOptions(ConsoleFormatterOptions value) : IOptionsMonitor<ConsoleFormatterOptions>
    {
        public ConsoleFormatterOptions CurrentValue => value;

        public ConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ConsoleFormatterOptions, string?> listener) => null;
    }
}
