using System.Diagnostics;
using DocGen.Worker.IO;
using DocGen.Worker.Pipeline;
using DocGen.Worker.Templates;

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
    SubmissionPipeline pipeline,
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
            // The processor the service uses, put together by the same registration, over a scratch root.
            await using var provider = ServiceRegistration.StandaloneProcessing(
                new DocGenOptions { Root = scratch.FullName, StableFor = TimeSpan.Zero, FlushToDisk = false }, templates, pipeline, time);
            var folders = provider.GetRequiredService<InboxFolders>();
            folders.CreateAll();
            var processor = provider.GetRequiredService<SubmissionProcessor>();
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
