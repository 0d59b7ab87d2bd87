using System.Security.Cryptography;
using System.Text.Json;
using DocGen.Worker.Cli;
using DocGen.Worker.Service;
using DocGen.Worker.Tests.Pdf;

namespace DocGen.Worker.Tests.Service;

/// <summary>
/// The service with <c>Pdf</c> on, against the real LibreOffice: each document is published with its
/// PDF in the one exactly-once publish, a PDF that cannot be made never holds the document back,
/// and LibreOffice never outlives the service.
/// </summary>
public sealed class PdfPublishingTests
{
    [Fact]
    public async Task WithPdfOn_EachDocumentIsPublishedWithItsPdf_AndTheReceiptHoldsBothHashes()
    {
        Converters.Require();
        await using var box = new ServiceSandbox();
        var host = await box.StartHostAsync("--DocGen:Pdf=true", "--DocGen:PdfConverters=1", "--DocGen:Http=http://127.0.0.1:0");

        box.Drop("seed.json", ServiceSandbox.SeedJson);
        box.Drop("bad.json", """{ "kind": "combined" }""");
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Archive, "seed.json")) && File.Exists(Path.Combine(box.Failed, "bad.json")) && box.Idle(), "both ended", 90);

        Assert.Equal(["seed.docx", "seed.pdf"], ServiceSandbox.Names(box.Out));
        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Archive, "seed.receipt.json"), TestContext.Current.CancellationToken));
        var pdf = receipt.RootElement.GetProperty("pdf");
        Assert.Equal(Path.Combine("out", "seed.pdf"), pdf.GetProperty("output").GetString());
        Assert.Equal(Sha256(Path.Combine(box.Out, "seed.pdf")), pdf.GetProperty("sha256").GetString());
        Assert.Equal(Sha256(Path.Combine(box.Out, "seed.docx")), receipt.RootElement.GetProperty("outputSha256").GetString());
        Assert.True(pdf.GetProperty("conversionMs").GetDouble() > 0);
        Assert.Equal(1, pdf.GetProperty("attempts").GetInt32());
        Assert.False(pdf.TryGetProperty("error", out _));
        var facts = PdfFacts.Read(Path.Combine(box.Out, "seed.pdf"));
        Assert.Equal("2b", facts.PdfA);
        facts.AssertSameTextAs(Path.Combine(box.Out, "seed.docx"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(box.Processing));

        using var client = new HttpClient { BaseAddress = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DocGen.Worker.Service.Status.StatusServer>(host.Services).Address };
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("docgen_pdf_conversions_total{result=\"ok\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("docgen_pdf_conversions_total{result=\"failed\"} 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("docgen_pdf_converter_starts_total 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibreOfficeThatCannotStart_LeavesTheDocumentPublished_WithItsPdfPending_AndTheReceiptSaysWhy()
    {
        Converters.Require(); // (Linux only)
        await using var box = new ServiceSandbox();
        var broken = Path.Combine(box.Folder, "broken-office");
        Directory.CreateDirectory(broken);
        var soffice = Path.Combine(broken, "soffice.bin");
        await File.WriteAllTextAsync(soffice, "#!/bin/sh\nexit 1\n", TestContext.Current.CancellationToken); // an installation that no longer starts
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(soffice, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var host = await box.StartHostAsync("--DocGen:Pdf=true", "--DocGen:PdfConverters=1", $"--DocGen:LibreOffice={broken}", "--DocGen:Http=http://127.0.0.1:0");

        box.Drop("seed.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => box.HasFinishedReceipt("seed.receipt.json") && box.Idle(), "seed archived and its claim gone", 90);
        using var client = new HttpClient { BaseAddress = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DocGen.Worker.Service.Status.StatusServer>(host.Services).Address };
        string health = "";
        await box.WaitUntilAsync(() => (health = client.GetStringAsync(new Uri("/health", UriKind.Relative)).GetAwaiter().GetResult()).Contains("\"Degraded\"", StringComparison.Ordinal), "the PDF check degraded while a PDF waits", 60);
        Assert.Contains("pdf-pending", health, StringComparison.Ordinal);

        Assert.Equal(["seed.docx"], ServiceSandbox.Names(box.Out));
        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Archive, "seed.receipt.json"), TestContext.Current.CancellationToken));
        var pdf = receipt.RootElement.GetProperty("pdf");
        Assert.True(pdf.GetProperty("pending").GetBoolean()); // not the document's fault: made once LibreOffice starts again
        Assert.Contains("exited with code 1", pdf.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(pdf.TryGetProperty("output", out _));
        Assert.Equal(["seed.docx", "seed.json"], ServiceSandbox.Names(Path.Combine(box.Root, "pdf-pending")));
        Assert.Equal(Sha256(Path.Combine(box.Out, "seed.docx")), Sha256(Path.Combine(box.Root, "pdf-pending", "seed.docx")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(box.Processing));
    }

    [Fact]
    public async Task PdfDeferredForAMissingTemporaryFolder_IsMadeOnceItIsBack_AndTheReceiptRewritten_NothingLeftInItAfterAStop()
    {
        Converters.Require();
        await using var box = new ServiceSandbox();
        var temporary = Path.Combine(box.Folder, "tmp");
        using var service = box.StartProcess(new Dictionary<string, string> { ["TMPDIR"] = temporary }, [], "--DocGen:Pdf=true", "--DocGen:PdfConverters=1", "--DocGen:PdfRetryInterval=00:00:01");

        box.Drop("seed.json", ServiceSandbox.SeedJson);
        await ServiceSandbox.Eventually(() => box.HasFinishedReceipt("seed.receipt.json") && box.Idle(), "seed published without its PDF", 120);
        Assert.Equal(["seed.docx"], ServiceSandbox.Names(box.Out));
        Assert.Contains("\"pending\": true", await File.ReadAllTextAsync(Path.Combine(box.Archive, "seed.receipt.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        Directory.CreateDirectory(temporary); // the environment recovers
        await ServiceSandbox.Eventually(() => File.Exists(Path.Combine(box.Out, "seed.pdf")) && ServiceSandbox.Names(Path.Combine(box.Root, "pdf-pending")).Count == 0, "the PDF made later", 120);

        using (var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Archive, "seed.receipt.json"), TestContext.Current.CancellationToken)))
        {
            var pdf = receipt.RootElement.GetProperty("pdf");
            Assert.False(pdf.TryGetProperty("pending", out _));
            Assert.Equal(Sha256(Path.Combine(box.Out, "seed.pdf")), pdf.GetProperty("sha256").GetString());
            Assert.Equal("2b", PdfFacts.Read(Path.Combine(box.Out, "seed.pdf")).PdfA);
        }

        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(TestContext.Current.CancellationToken); // a clean stop, as systemd asks for one
        }

        await service.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(temporary), static e => Path.GetFileName(e).StartsWith("docgen-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DocumentWaitingForItsPdf_HoldsNoWorker_AFileDroppedAfterItEndsMeanwhile()
    {
        Converters.Require();
        await using var box = new ServiceSandbox();
        var hanging = Directory.CreateDirectory(Path.Combine(box.Folder, "hanging-office")).FullName;
        var soffice = Path.Combine(hanging, "soffice.bin");
        await File.WriteAllTextAsync(soffice, "#!/bin/sh\nexec sleep 100\n", TestContext.Current.CancellationToken); // a LibreOffice that never answers: its start takes the whole minute allowed
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(soffice, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        await box.StartHostAsync("--DocGen:Pdf=true", "--DocGen:PdfConverters=1", "--DocGen:MaxConcurrency=1", $"--DocGen:LibreOffice={hanging}");

        box.Drop("seed.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => Directory.EnumerateFiles(box.Processing, "seed.json", SearchOption.AllDirectories).Any(), "the seed claimed");
        box.Drop("bad.json", """{ "kind": "combined" }""");
        box.Drop("second.json", ServiceSandbox.SeedJson);

        // The one worker took both while the seed waits for its PDF.
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "bad.errors.txt"))
            && Directory.EnumerateFiles(box.Processing, "second.json", SearchOption.AllDirectories).Any(), "bad.json reported, second.json generated", 30);
        Assert.False(File.Exists(Path.Combine(box.Archive, "seed.json"))); // still waiting: nothing was published without its PDF
        Assert.Empty(ServiceSandbox.Names(box.Out));
    }

    [Fact]
    public async Task WithPdfOn_AndNoLibreOffice_StartUpFailsWithExitTwo_NamingWhatToInstall()
    {
        await using var box = new ServiceSandbox();
        using var error = new StringWriter();

        var exit = await ServiceHost.RunAsync(box.Arguments("--DocGen:Pdf=true", $"--DocGen:LibreOffice={Path.Combine(box.Folder, "no-such-folder")}"), error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("apt-get install libreoffice-writer-nogui python3-uno", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("DocGen:Pdf=true", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanStopWithPdfOn_LeavesNothingInTheTemporaryFolder_NorPipeSocketsInTmp()
    {
        Converters.Require();
        await using var box = new ServiceSandbox();
        var temporary = Directory.CreateDirectory(Path.Combine(box.Folder, "tmp")).FullName;
        using var process = box.StartProcess(new Dictionary<string, string> { ["TMPDIR"] = temporary }, [], "--DocGen:Pdf=true", "--DocGen:PdfConverters=1");
        var mark = $"docgen-pdf-{process.Id}-";

        box.Drop("seed.json", ServiceSandbox.SeedJson);
        await ServiceSandbox.Eventually(() => File.Exists(Path.Combine(box.Out, "seed.pdf")) && box.HasFinishedReceipt("seed.receipt.json"), "the document and its PDF", 90);
        var converters = Converters.WithCommandLine(mark);
        var sockets = Converters.BoundSockets(converters).Where(static p => p.Contains("_SingleOfficeIPC_", StringComparison.Ordinal)).ToList();
        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await ServiceSandbox.Eventually(() => converters.All(static p => !Converters.Runs(p)), "the converters gone", 20);

        // LibreOffice's lu*.tmp, the profiles, the bridge and the warm-up's scratch folder: all gone with the stop.
        Assert.Empty(Directory.EnumerateFileSystemEntries(temporary, "*", SearchOption.AllDirectories));
        Assert.Empty(converters.SelectMany(static pid => Directory.EnumerateFileSystemEntries("/tmp", $"OSL_PIPE_*_docgen-{pid}")));
        Assert.NotEmpty(sockets);
        Assert.All(sockets, static socket => Assert.False(File.Exists(socket))); // LibreOffice's own single-instance socket too
    }

    [Fact]
    public async Task ServiceKilledWithSigkill_LeavesNoLibreOfficeBehind()
    {
        Converters.Require();
        await using var box = new ServiceSandbox();
        using var process = box.StartProcess("--DocGen:Pdf=true", "--DocGen:PdfConverters=2");
        var mark = $"docgen-pdf-{process.Id}-";
        for (var i = 0; i < 6; i++)
        {
            box.Drop($"s{i}.json", ServiceSandbox.SeedJson);
        }

        // Killed mid-work: converters up (bridge and LibreOffice each) and PDFs being made.
        await ServiceSandbox.Eventually(() => ServiceSandbox.Names(box.Out, "*.pdf").Count >= 1 && Converters.WithCommandLine(mark).Count >= 4, "converters running and a first PDF", 90);
        var converters = Converters.WithCommandLine(mark);
        process.Kill(); // SIGKILL to docgen alone: its children are not killed with it
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        await ServiceSandbox.Eventually(() => Converters.WithCommandLine(mark).Count == 0 && converters.All(static p => !Converters.Runs(p)), "no converter outlives the service", 20,
            () => string.Join(", ", Converters.WithCommandLine(mark)));
    }

    [Fact]
    public async Task ServiceKilledRepeatedlyWithPdfOn_PublishesEveryDocumentWithItsPdf_ExactlyOnce()
    {
        Converters.Require();
        await using var box = new ServiceSandbox();
        const int Count = 40;
        for (var i = 0; i < Count; i++)
        {
            box.Drop($"p{i:D2}.json", ServiceSandbox.SeedJson);
        }

        var random = new Random(20261130);
        for (var round = 0; round < 3; round++)
        {
            using var process = box.StartProcess("--DocGen:Pdf=true", "--DocGen:PdfConverters=2");
            var target = Math.Min(Count, Receipts(box) + random.Next(3, 10));
            await ServiceSandbox.Eventually(() => Receipts(box) >= target || process.HasExited, $"{target} documents published", 120);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using (var last = box.StartProcess("--DocGen:Pdf=true", "--DocGen:PdfConverters=2"))
        {
            await ServiceSandbox.Eventually(() => Receipts(box) == Count && !Directory.EnumerateFileSystemEntries(box.Processing).Any(), "every submission published", 180,
                () => $"receipts {Receipts(box)}, out {ServiceSandbox.Names(box.Out).Count}, processing {Directory.EnumerateFileSystemEntries(box.Processing).Count()}");
            last.Kill(entireProcessTree: true);
            await last.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var stems = Enumerable.Range(0, Count).Select(static i => $"p{i:D2}").ToList();
        var withoutPdf = stems.Where(s => !File.Exists(Path.Combine(box.Out, s + ".pdf"))).Select(s => s + ": " + File.ReadAllText(Path.Combine(box.Archive, s + ".receipt.json")));
        Assert.True(!withoutPdf.Any(), string.Join("\n", withoutPdf));
        Assert.Equal(stems.SelectMany(static s => new[] { s + ".docx", s + ".pdf" }).Order(StringComparer.Ordinal), ServiceSandbox.Names(box.Out));
        foreach (var stem in stems)
        {
            using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Archive, stem + ".receipt.json"), TestContext.Current.CancellationToken));
            Assert.Equal(Sha256(Path.Combine(box.Out, stem + ".pdf")), receipt.RootElement.GetProperty("pdf").GetProperty("sha256").GetString());
            Assert.Equal(Sha256(Path.Combine(box.Out, stem + ".docx")), receipt.RootElement.GetProperty("outputSha256").GetString());
        }

        Assert.All(Directory.EnumerateFiles(box.Out, "*.pdf"), static pdf => Assert.Equal("2b", PdfFacts.Read(pdf).PdfA));
    }

    private static int Receipts(ServiceSandbox box) => box.FinishedReceipts();

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
