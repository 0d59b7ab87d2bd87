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
/// <remarks>
/// Then, for <see cref="DocGenOptions.WarmUpTime"/>, the sample is checked and rendered in memory
/// again and again: the runtime starts counting calls only once no new code has been compiled for
/// a moment, and compiles a method with full optimisation after 30 counted calls, in the
/// background. Without this the first burst after a start ran on unoptimised code (measured:
/// about a quarter slower, issue #36).
/// </remarks>
public sealed class WarmUp(
    TemplateStore templates,
    SubmissionPipeline pipeline,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DocGenOptions> options)
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

            await provider.GetRequiredService<PublishStage>().DrainAsync().ConfigureAwait(false); // the sample's publishing may end after its hand-over
            TierUp(sample.ToArray(), clock, cancellationToken);
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

    /// <summary>Checks and renders the sample in memory for <see cref="DocGenOptions.WarmUpTime"/> after the rehearsal through the folders.</summary>
    private void TierUp(byte[] sample, Stopwatch clock, CancellationToken cancellationToken)
    {
        var until = clock.Elapsed + options.Value.WarmUpTime;
        while (clock.Elapsed < until && !cancellationToken.IsCancellationRequested && templates.Current is { } template)
        {
            _ = SubmissionPipeline.Run(pipeline.Check("sample.json", SafeRead.Of(sample)), template);
        }
    }
}
