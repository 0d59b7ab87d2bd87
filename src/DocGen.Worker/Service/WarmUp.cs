using System.Diagnostics;
using DocGen.Rendering.Pipeline;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Templates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace DocGen.Worker.Service;

/// <summary>
/// A rehearsal at start-up, before files are taken: a built-in sample (the seed submission,
/// embedded) and a broken copy of it go through the whole path of a submission (claim, read,
/// validation, rendering or the report, hashing, receipt, publishing) in a scratch folder of
/// their own, so that the first real submissions of a deadline burst do not pay for compiling
/// that code. Nothing of it reaches the service's folders or its log (no retries either: a
/// rehearsal that fails only makes the first documents slower).
/// </summary>
public sealed class WarmUp(
    TemplateStore templates,
    DocumentGenerator generator,
    TimeProvider time)
{
    private const string SampleResource = "DocGen.Worker.Samples.sample-submission.json";

    /// <summary>What the rehearsal did and how long it took; null when there was nothing to warm (no usable template yet).</summary>
    public async Task<WarmUpOutcome?> RunAsync(CancellationToken cancellationToken)
    {
        if (templates.Current is null || typeof(WarmUp).Assembly.GetManifestResourceStream(SampleResource) is not { } stream)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        var sample = new MemoryStream();
        using (stream)
        {
            await stream.CopyToAsync(sample, cancellationToken).ConfigureAwait(false);
        }

        var scratch = ScratchFolders.Create("docgen-warmup-"); // a killed service's is removed at the next start
        try
        {
            var rehearsal = Options.Create(new DocGenOptions
            {
                Root = scratch.FullName,
                StableFor = TimeSpan.Zero,
                FlushToDisk = false,
            });
            var folders = new InboxFolders(rehearsal.Value);
            folders.CreateAll();
            using var pdfStage = new PdfStage(); // PDF is off here: nothing is handed over
            var publisher = new Publisher(folders, rehearsal, ResiliencePipeline.Empty);
            var processor = new SubmissionProcessor(
                new ClaimStore(folders, ResiliencePipeline.Empty, time, NullLogger<ClaimStore>.Instance),
                new StableFileReader(rehearsal, generator.Validator, time, NullLogger<StableFileReader>.Instance),
                publisher, new DocumentRelease(publisher, time, NullLogger<DocumentRelease>.Instance), templates, generator, new PdfOutput(null), pdfStage, new LogThrottle(time, LogThrottle.Interval), NullLogger<SubmissionProcessor>.Instance);
            foreach (var (name, bytes) in new[] { ("sample.json", sample.ToArray()), ("broken.json", "{\"kind\": 3}"u8.ToArray()) })
            {
                var path = Path.Combine(folders.Inbox, name);
                await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
                for (var attempt = 0; attempt < 3 && !await processor.TryProcessAsync(path, cancellationToken).ConfigureAwait(false); attempt++)
                {
                    // A first look may leave it for a second (the file is new): look again.
                }
            }

            return new WarmUpOutcome(clock.Elapsed.TotalMilliseconds,
                SampleGenerated: File.Exists(Path.Combine(folders.Out, "sample.docx")),
                BrokenRejected: File.Exists(Path.Combine(folders.Failed, "broken.errors.txt")),
                scratch.FullName);
        }
        finally
        {
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The scratch folder is in the temporary folder: what is left there is the system's to clean.
            }
        }
    }
}
