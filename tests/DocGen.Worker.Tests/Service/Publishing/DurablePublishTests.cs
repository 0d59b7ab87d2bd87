using System.Text.RegularExpressions;
using DocGen.Tests.Shared;

namespace DocGen.Worker.Tests.Service.Publishing;

/// <summary>
/// Published means durable, read from the system calls of a real <c>docgen run</c> (strace): every
/// file renamed into <c>out/</c>, <c>archive/</c> or <c>failed/</c> — document, receipt, reports,
/// converted JSON, reservation, the input itself — was flushed before its rename, and each of those
/// folders was flushed after the last rename into it.
/// </summary>
public sealed partial class DurablePublishTests
{
    [Fact]
    public async Task EveryPublishedFile_IsFlushedBeforeItsRename_AndItsFolderAfterIt()
    {
        var strace = RealClient.Tool("strace", "strace");
        await using var box = new ServiceSandbox();
        var log = Path.Combine(box.Folder, "strace.txt");
        using var service = box.StartProcess(new Dictionary<string, string>(), [strace, "-f", "-y", "-qq", "-e", "trace=fsync,fdatasync,rename,renameat,renameat2", "-o", log]);

        box.Drop("good.json", ServiceSandbox.SeedJson);
        box.Drop("bad.json", "{ \"kind\": \"combined\" }");
        box.Drop("book.xlsx", Workbooks.Writing.WorkbookWriter.Write((System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(ServiceSandbox.SeedJson)!, Core.Frameworks.FrameworkCatalog.LoadFolder(Path.Combine(Cli.CliTests.Root, "templates"))));
        await ServiceSandbox.Eventually(
            () => ServiceSandbox.Names(box.Inbox).Count == 0 && !Directory.EnumerateFileSystemEntries(box.Processing).Any() && File.Exists(Path.Combine(box.Failed, "bad.errors.txt")),
            "all three published", 60);
        service.Kill(entireProcessTree: true);
        await service.WaitForExitAsync(TestContext.Current.CancellationToken);

        var published = new[] { box.Out, box.Archive, box.Failed };
        var flushed = new HashSet<string>(StringComparer.Ordinal);
        var renames = new List<(string From, string To, int At)>();
        var folderFlushes = new List<(string Folder, int At)>();
        var lines = File.ReadAllLines(log);
        for (var i = 0; i < lines.Length; i++)
        {
            if (Fsync().Match(lines[i]) is { Success: true } f)
            {
                flushed.Add(f.Groups[1].Value);
                folderFlushes.Add((f.Groups[1].Value, i));
            }
            else if ((RenameAt().Match(lines[i]) is { Success: true } r ? (Path.Combine(r.Groups[1].Value, r.Groups[2].Value), Path.Combine(r.Groups[3].Value, r.Groups[4].Value))
                : Rename().Match(lines[i]) is { Success: true } p ? (p.Groups[1].Value, p.Groups[2].Value) : default) is ({ } from, { } to)
                && published.Contains(Path.GetDirectoryName(to)))
            {
                Assert.True(flushed.Contains(from), $"{Path.GetFileName(from)} was renamed to {to} without being flushed first");
                renames.Add((from, to, i));
            }
        }

        Assert.Contains(renames, r => r.To == Path.Combine(box.Out, "good.docx"));
        Assert.Contains(renames, r => Path.GetDirectoryName(r.To) == box.Archive && r.To.EndsWith("-2021-book.json", StringComparison.Ordinal)); // strace writes the unit's Chinese short name in octal
        Assert.Contains(renames, r => r.To == Path.Combine(box.Failed, "bad.errors.json"));
        foreach (var folder in published)
        {
            var last = renames.Where(r => Path.GetDirectoryName(r.To) == folder).Max(static r => r.At);
            Assert.True(folderFlushes.Any(f => f.Folder == folder && f.At > last), $"{folder} was not flushed after the last rename into it");
        }
    }

    [GeneratedRegex(@"f(?:data)?sync\(\d+<([^>]+)>")]
    private static partial Regex Fsync();

    [GeneratedRegex(@"renameat2?\(AT_FDCWD<([^>]*)>, ""([^""]+)"", AT_FDCWD<([^>]*)>, ""([^""]+)""")]
    private static partial Regex RenameAt();

    [GeneratedRegex(@"\brename\(""([^""]+)"", ""([^""]+)""")]
    private static partial Regex Rename();
}
