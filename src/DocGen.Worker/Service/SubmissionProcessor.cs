using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using DocGen.Core.Validation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Pipeline;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service;

/// <summary>
/// Takes one submission from the inbox to its end, exactly once: read it (waiting while it is
/// still being written), claim it, generate the document or the report, publish. Two paths: a
/// fresh claim of an inbox file, and the recovery of a claim a dead process left behind.
/// </summary>
public sealed class SubmissionProcessor(
    ClaimStore claims,
    StableFileReader reader,
    Publisher publisher,
    TemplateStore templates,
    DocumentGenerator generator,
    TimeProvider time,
    ILogger<SubmissionProcessor> logger)
{
    /// <summary>
    /// Processes one inbox file if it is ready. Returns false when it was left for later (still
    /// being written, no usable template yet) or taken by another process.
    /// </summary>
    public async Task<bool> TryProcessAsync(string inboxPath, CancellationToken cancellationToken)
    {
        if (templates.Current is null)
        {
            return false;
        }

        var clock = Stopwatch.StartNew();
        if (reader.TryRead(inboxPath) is not { } first)
        {
            return false;
        }

        var check = generator.Validator.Check(first.Bytes);
        if (check.LooksIncomplete && !reader.HasSettled(first))
        {
            return false; // a copy still under way: judged once it stops changing
        }

        using var claim = claims.TryClaim(inboxPath);
        reader.Forget(inboxPath);
        if (claim is null)
        {
            return false;
        }

        var claimed = Path.Combine(claim.Folder, Path.GetFileName(inboxPath));
        var read = !check.LooksIncomplete && StableFileReader.IsUnchanged(first, claimed)
            ? (first with { Path = claimed }, check)
            : await ReadClaimedAsync(claimed, cancellationToken).ConfigureAwait(false);
        Finish(claim, read.Item1, read.Item2, clock);
        return true;
    }

    /// <summary>
    /// Finishes the claims in <c>processing/</c> that no running process owns: left by a crash, or
    /// waiting for a usable template. A claim another instance is working on is never taken over.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        if (templates.Current is null)
        {
            return; // nothing could be rendered: leave the claims for when a template compiles
        }

        foreach (var claim in claims.TakeAbandoned())
        {
            using (claim)
            {
                cancellationToken.ThrowIfCancellationRequested();
                logger.Recovering(claim.Id);
                try
                {
                    await ResumeAsync(claim, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.ProcessingFailed(ex, claim.Folder);
                }
            }
        }
    }

    /// <summary>A claim left by a dead process: finish its publishing, or process it again from the start.</summary>
    private async Task ResumeAsync(Claim claim, CancellationToken cancellationToken)
    {
        if (publisher.TryFinish(claim))
        {
            return;
        }

        if (claim.FindInput() is not { } input)
        {
            claim.Discard(); // only its own staged files were left
            return;
        }

        claim.ClearStaged(); // an interrupted attempt: start it again
        var (snapshot, check) = await ReadClaimedAsync(input, cancellationToken).ConfigureAwait(false);
        Finish(claim, snapshot, check, Stopwatch.StartNew());
    }

    private Task<(FileSnapshot, SubmissionCheck)> ReadClaimedAsync(string path, CancellationToken cancellationToken)
        => reader.ReadSettledAsync(path, bytes => generator.Validator.Check(bytes), static c => c.LooksIncomplete, cancellationToken);

    /// <summary>Generates and publishes the document, or the report of why not.</summary>
    private void Finish(Claim claim, FileSnapshot input, SubmissionCheck check, Stopwatch clock)
    {
        var name = Path.GetFileName(input.Path);
        var template = templates.Current ?? throw new InvalidOperationException("No template is loaded.");
        var result = check.Valid is { } valid ? DocumentGenerator.Render(valid, template) : new Rejected(check.Report);
        switch (result)
        {
            case Generated generated:
                var output = publisher.PublishDocument(claim, name, generated.Document.Span, stem => ReceiptFor(claim, input, generated, template, stem, clock));
                logger.Processed(name, "generated", clock.Elapsed.TotalMilliseconds, output, generated.Report.WarningCount);
                break;
            default:
                var report = publisher.PublishRejection(claim, name, result.Report);
                logger.Rejected(name, clock.Elapsed.TotalMilliseconds, result.Report.ErrorCount, report);
                break;
        }
    }

    private byte[] ReceiptFor(Claim claim, FileSnapshot input, Generated generated, CompiledTemplate template, string stem, Stopwatch clock)
        => JsonSerializer.SerializeToUtf8Bytes(new Receipt(
            Path.GetFileName(input.Path),
            claim.Id,
            Sha256(input.Bytes),
            publisher.RelativeOutputPath(stem),
            Sha256(generated.Document.Span),
            template.Name,
            template.Sha256,
            time.GetUtcNow(),
            new ReceiptTimings(clock.Elapsed.TotalMilliseconds - generated.RenderTime.TotalMilliseconds, generated.RenderTime.TotalMilliseconds, clock.Elapsed.TotalMilliseconds),
            [.. generated.Report.Warnings]), ServiceJson.Options);

    private static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
