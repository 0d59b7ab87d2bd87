using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace DocGen.Worker.Tests.Service;

public sealed class LogTests
{
    private static List<(string Method, int Id)> EventIds() => [.. typeof(DocGen.Worker.Service.InboxService).Assembly.GetTypes()
        .SelectMany(static t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        .Select(static m => (m.Name, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
        .Where(static m => m.Attribute is not null)
        .Select(static m => (m.Name, m.Attribute!.EventId))];

    [Fact]
    public void EveryLogEvent_HasItsOwnId()
    {
        var ids = EventIds();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Select(static e => e.Id).Distinct().Count());
    }

    [Fact]
    public void EveryLogEventId_IsInTheOperatorGuide()
    {
        var guide = File.ReadAllText(Path.Combine(DocGen.Tests.Shared.RepoRoot.Path, "docs", "operator.md"));

        Assert.All(EventIds(), e => Assert.True(Regex.IsMatch(guide, $@"\b{e.Id}\b"), $"{e.Method} ({e.Id}) is not in docs/operator.md"));
        Assert.Contains("stable event ids", guide, StringComparison.Ordinal);
    }
}
