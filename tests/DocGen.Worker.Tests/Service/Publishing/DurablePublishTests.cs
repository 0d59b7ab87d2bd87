using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using DocGen.Tests.Shared;

namespace DocGen.Worker.Tests.Service.Publishing;

/// <summary>
/// Published means durable, read from the system calls of a real <c>docgen run</c> (strace): every
/// file renamed into <c>out/</c>, <c>archive/</c> or <c>failed/</c> — document, receipt, reports,
/// converted JSON, the input itself — was flushed before its rename (a reservation's placeholder
/// is not: the receipt or report replacing it is), each of those folders was flushed after every
/// rename into it, the flushes of a burst are shared, and nothing is receipted, counted or shown
/// before the flush that covers its document.
/// </summary>
public sealed partial class DurablePublishTests
{
    private const string FilesOneByOne = "--DocGen:FlushScope=Files";

    /// <summary>A flush of the whole file system, in the parsed log.</summary>
    private const string Everything = "*";

    /// <summary>A claim's list of moves written (the files it names are complete), in the parsed log.</summary>
    private const string Manifest = "manifest";

    /// <summary>Scratch files renamed nowhere, or replaced before anything is reported: never flushed.</summary>
    private static readonly string[] s_scratch = [".docgen-publish.json", ".docgen-reservation"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPublishedFile_IsFlushedBeforeItsRename_AndItsFolderAfterIt()
    {
        await using var box = new ServiceSandbox();
        var log = await TraceAsync(box, FilesOneByOne, () =>
        {
            box.Drop("good.json", ServiceSandbox.SeedJson);
            box.Drop("bad.json", "{ \"kind\": \"combined\" }");
            box.Drop("book.xlsx", Workbooks.Writing.WorkbookWriter.Write((System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(ServiceSandbox.SeedJson)!, Core.Frameworks.FrameworkCatalog.LoadFolder(Path.Combine(Cli.CliTests.Root, "templates"))));
        }, () => box.Idle() && File.Exists(Path.Combine(box.Failed, "bad.errors.txt")), "all three published");

        var renames = CheckedRenames(box, log);
        Assert.Contains(renames, r => r.To == Path.Combine(box.Out, "good.docx"));
        Assert.Contains(renames, r => Path.GetDirectoryName(r.To) == box.Archive && r.To.EndsWith("-2021-book.json", StringComparison.Ordinal)); // strace writes the unit's Chinese short name in octal
        Assert.Contains(renames, r => r.To == Path.Combine(box.Failed, "bad.errors.json"));
    }

    [Fact]
    public async Task ABurst_SharesItsFolderFlushes_AndFlushesEachFileOnce()
    {
        const int Documents = 100;
        await using var box = new ServiceSandbox();
        var log = await TraceAsync(box, FilesOneByOne, () =>
        {
            for (var i = 0; i < Documents; i++)
            {
                box.Drop($"d{i:000}.json", ServiceSandbox.SeedJson);
            }
        }, () => box.Idle() && box.FinishedReceipts() == Documents, $"{Documents} published", 120);

        var renames = CheckedRenames(box, log);
        var files = log.Where(static e => e.Flushed is { } path && !Directory.Exists(path)).Select(static e => e.Flushed!).ToList();
        var folders = log.Count(static e => e.Flushed is { } path && Directory.Exists(path));

        Assert.Equal(Documents * 3, renames.Count(r => Path.GetDirectoryName(r.To) == box.Archive)); // a reservation, its receipt and an input each
        Assert.Empty(files.GroupBy(static f => f, StringComparer.Ordinal).Where(static g => g.Count() > 1).Select(static g => g.Key));
        Assert.DoesNotContain(files, static f => s_scratch.Contains(Path.GetFileName(f)));
        Assert.True(folders <= 2 * Documents, $"{folders} folder flushes for {Documents} documents: hardly shared"); // 3 per document when none is shared (2 rounds: out/; archive/ and processing/), 5 before group commit
        TestContext.Current.SendDiagnosticMessage($"{Documents} documents: {files.Count} file flushes, {folders} folder flushes ({(files.Count + folders) / (double)Documents:F2} per document)");
    }

    [Fact]
    public async Task AProcessKilledBetweenRenameAndFlush_HasReceiptedCountedAndShownNothing_AndLosesNothing()
    {
        var strace = RealClient.Tool("strace", "strace");
        await using var box = new ServiceSandbox();
        var http = $"http://127.0.0.1:{FreePort()}";

        // Every flush takes 2 s: the document is renamed into out/ long before the flush that covers it ends.
        using (var service = box.StartProcess(new Dictionary<string, string>(), [strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync,syncfs", "-e", "inject=fsync,syncfs:delay_enter=2000000"], $"--DocGen:Http={http}"))
        {
            using var client = new HttpClient { BaseAddress = new Uri(http) };
            await ServiceSandbox.Eventually(() => Answers(client, "/metrics") is not null, "the status server up", 60);
            box.Drop("seed.json", ServiceSandbox.SeedJson);
            await ServiceSandbox.Eventually(() => File.Exists(Path.Combine(box.Out, "seed.docx")), "the document renamed into out/", 60);

            var metrics = Answers(client, "/metrics") ?? "";
            var page = Answers(client, "/") ?? "";
            Kill(service);

            Assert.False(box.HasFinishedReceipt("seed.receipt.json"));
            Assert.DoesNotMatch(PublishedCount(), metrics);
            Assert.DoesNotContain("seed.docx", page, StringComparison.Ordinal);
        }

        using (var again = box.StartProcess())
        {
            await ServiceSandbox.Eventually(() => box.Idle() && box.HasFinishedReceipt("seed.receipt.json"), "the claim finished from its manifest after the restart", 60);
            Kill(again);
        }

        Assert.Equal(["seed.docx"], ServiceSandbox.Names(box.Out));
        Assert.Equal(["seed.json", "seed.receipt.json"], ServiceSandbox.Names(box.Archive).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FlushingTheWholeFileSystem_SharesOneFlushAmongManyDocuments_AndStillFlushesBeforeEachStep()
    {
        const int Documents = 60;
        await using var box = new ServiceSandbox();
        var log = await TraceAsync(box, "--DocGen:FlushScope=FileSystem", () =>
        {
            for (var i = 0; i < Documents; i++)
            {
                box.Drop($"d{i:000}.json", ServiceSandbox.SeedJson);
            }
        }, () => box.Idle() && box.FinishedReceipts() == Documents, $"{Documents} published", 120);

        var everything = log.Select((e, i) => (e, i)).Where(static x => x.e.Flushed == Everything).Select(static x => x.i).ToList();
        var claims = log.Select((e, i) => (e, i)).Where(x => x.e.To == Manifest && Path.GetDirectoryName(x.e.From) == box.Processing).ToList(); // not the start-up rehearsal's, in a scratch folder
        Assert.Equal(Documents, claims.Count);
        Assert.DoesNotContain(log, e => e.Flushed is { } path && path != Everything && path.StartsWith(box.Folder, StringComparison.Ordinal)); // no file or folder flushed alone
        Assert.InRange(everything.Count, 1, 3 * Documents - 1); // three rounds a document when none is shared
        foreach (var (manifest, at) in claims)
        {
            var moves = log.Select((e, i) => (e, i)).Where(x => x.e.From is { } from && x.e.To != Manifest && Path.GetDirectoryName(from) == manifest.From).ToList();
            var outputs = moves.Where(x => Path.GetDirectoryName(x.e.To) == box.Out).Select(static x => x.i).ToList();
            var receipt = moves.Single(static x => Path.GetFileName(x.e.From) == ".docgen-receipt.json").i;
            Assert.NotEmpty(outputs);
            Assert.Contains(everything, f => f > at && f < outputs.Min()); // the staged bytes durable before any gets a published name
            Assert.Contains(everything, f => f > outputs.Max() && f < receipt); // the documents durable before their receipt
            Assert.Contains(everything, f => f > moves.Max(static x => x.i)); // all of it durable before it is reported
        }
    }

    /// <summary>Runs a service under strace while <paramref name="drop"/> drops files, until <paramref name="done"/>; returns its flushes and renames in order (a whole file system's flush as <see cref="Everything"/>).</summary>
    private static async Task<List<(string? Flushed, string? From, string? To)>> TraceAsync(ServiceSandbox box, string scope, Action drop, Func<bool> done, string what, int timeoutSeconds = 60)
    {
        var strace = RealClient.Tool("strace", "strace");
        var path = Path.Combine(box.Folder, "strace.txt");
        using (var service = box.StartProcess(new Dictionary<string, string>(), [strace, "-f", "-y", "-qq", "-e", "trace=fsync,fdatasync,syncfs,rename,renameat,renameat2,openat", "-o", path], scope))
        {
            drop();
            await ServiceSandbox.Eventually(done, what, timeoutSeconds);
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync(Token);
        }

        List<(string?, string?, string?)> events = [];
        foreach (var line in File.ReadLines(path))
        {
            if (Fsync().Match(line) is { Success: true } f)
            {
                events.Add((f.Groups[1].Value, null, null));
            }
            else if (line.Contains(" syncfs(", StringComparison.Ordinal) && !line.Contains("= -1", StringComparison.Ordinal)) // where it starts (strace splits a call other threads interrupt)
            {
                events.Add((Everything, null, null));
            }
            else if (ManifestWritten().Match(line) is { Success: true } m)
            {
                events.Add((null, m.Groups[1].Value, Manifest));
            }
            else if (RenameAt().Match(line) is { Success: true } r)
            {
                events.Add((null, Path.Combine(r.Groups[1].Value, r.Groups[2].Value), Path.Combine(r.Groups[3].Value, r.Groups[4].Value)));
            }
            else if (Rename().Match(line) is { Success: true } p)
            {
                events.Add((null, p.Groups[1].Value, p.Groups[2].Value));
            }
        }

        return events;
    }

    /// <summary>The renames into the published folders, each checked: its file flushed before it (but a placeholder), its folder flushed after it.</summary>
    private static List<(string From, string To)> CheckedRenames(ServiceSandbox box, List<(string? Flushed, string? From, string? To)> log)
    {
        var published = new[] { box.Out, box.Archive, box.Failed };
        var flushed = new HashSet<string>(StringComparer.Ordinal);
        var renames = new List<(string From, string To)>();
        var outputs = new Dictionary<string, List<(string Folder, int At)>>(StringComparer.Ordinal); // a claim's outputs moved so far
        for (var i = 0; i < log.Count; i++)
        {
            var (flush, from, to) = log[i];
            if (flush is not null)
            {
                flushed.Add(flush);
                continue;
            }

            var folder = Path.GetDirectoryName(to);
            if (to == Manifest || !published.Contains(folder))
            {
                continue;
            }

            Assert.True(flushed.Contains(from!) || s_scratch.Contains(Path.GetFileName(from)), $"{Path.GetFileName(from)} was renamed to {to} without being flushed first");
            var claim = Path.GetDirectoryName(from)!;
            if (Path.GetFileName(from) is ".docgen-receipt.json" or ".docgen-errors.json")
            {
                // The receipt or report names outputs that are durable: a flush of each of their folders lies between their moves and it.
                foreach (var (outputFolder, movedAt) in outputs.GetValueOrDefault(claim) ?? [])
                {
                    Assert.True(log.Skip(movedAt + 1).Take(i - movedAt - 1).Any(e => e.Flushed == outputFolder), $"{to} was moved before {outputFolder} was flushed after its outputs");
                }
            }
            else if (!s_scratch.Contains(Path.GetFileName(from)) && folder != box.Archive)
            {
                (outputs.TryGetValue(claim, out var moved) ? moved : outputs[claim] = []).Add((folder!, i));
            }

            Assert.True(log.Skip(i + 1).Any(e => e.Flushed == folder), $"{folder} was not flushed after {to} was renamed into it");
            renames.Add((from!, to!));
        }

        return renames;
    }

    private static string? Answers(HttpClient client, string path)
    {
        try
        {
            return client.GetStringAsync(path, Token).GetAwaiter().GetResult();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>kill -9 of the service (the launcher's child when it runs under strace), then of what is left.</summary>
    private static void Kill(System.Diagnostics.Process process)
    {
        var children = $"/proc/{process.Id}/task/{process.Id}/children";
        foreach (var child in File.Exists(children) ? File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            using var kill = System.Diagnostics.Process.Start("kill", ["-KILL", child]);
            kill.WaitForExit();
        }

        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    [GeneratedRegex(@"docgen_submissions_total\{[^}]*outcome=""published""[^}]*\} [1-9]")]
    private static partial Regex PublishedCount();

    [GeneratedRegex(@"openat\(AT_FDCWD<[^>]*>, ""([^""]+)/\.docgen-publish\.json"", [^)]*O_CREAT")]
    private static partial Regex ManifestWritten();

    [GeneratedRegex(@"\bf(?:data)?sync\(\d+<([^>]+)>")]
    private static partial Regex Fsync();

    [GeneratedRegex(@"renameat2?\(AT_FDCWD<([^>]*)>, ""([^""]+)"", AT_FDCWD<([^>]*)>, ""([^""]+)""")]
    private static partial Regex RenameAt();

    [GeneratedRegex(@"\brename\(""([^""]+)"", ""([^""]+)""")]
    private static partial Regex Rename();
}
