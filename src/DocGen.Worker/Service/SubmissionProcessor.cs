using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Worker.IO;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace DocGen.Worker.Service;

/// <summary>
/// Takes one submission from the inbox to its end, exactly once, surviving a crash at any point:
/// <list type="number">
/// <item>claim: an atomic rename of the inbox file into its own folder <c>processing/&lt;claim&gt;/</c>;
/// another process that renames the same file second simply finds it gone;</item>
/// <item>stage: the document or the error report is written inside the claim folder;</item>
/// <item>reserve a versioned name (<c>x</c>, <c>x.2</c>, …) with an exclusive create, and write the
/// list of moves (the manifest);</item>
/// <item>publish: rename the staged files into <c>out/</c> + <c>archive/</c> or <c>failed/</c>, the input last.</item>
/// </list>
/// A restart finds leftover claims: with a manifest it finishes the moves; without one it
/// processes the claim again. Nothing submitted is ever deleted.
/// </summary>
public sealed class SubmissionProcessor(
    InboxFolders folders,
    IOptions<DocGenOptions> options,
    TemplateStore templates,
    SubmissionValidator validator,
    [FromKeyedServices(SubmissionProcessor.IoPipeline)] ResiliencePipeline io,
    TimeProvider time,
    ILogger<SubmissionProcessor> logger)
{
    public const string IoPipeline = "docgen-io";

    private const string StagedDocument = ".docgen-result.docx";
    private const string StagedErrorsText = ".docgen-errors.txt";
    private const string StagedErrorsJson = ".docgen-errors.json";
    private const string Manifest = ".docgen-publish.json";
    private const string Lock = ".docgen-lock";

    private readonly DocGenOptions _options = options.Value;

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
        FileInfo file = new(inboxPath);
        if (!file.Exists)
        {
            return false;
        }

        var stamp = (file.Length, file.LastWriteTimeUtc);
        byte[] bytes;
        SubmissionCheck check;
        try
        {
            (bytes, check) = ReadAndCheck(inboxPath);
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        // A file still being copied is malformed JSON; wait until it stops changing before judging it.
        if (IsMalformed(check) && time.GetUtcNow().UtcDateTime - file.LastWriteTimeUtc < _options.StableFor)
        {
            return false;
        }

        if (Claim(file) is not var (claim, ownership))
        {
            return false;
        }

        using (ownership)
        {
            var claimed = Path.Combine(claim, file.Name);
            var unchanged = Stamp(claimed) == stamp;
            await ProcessClaimAsync(claim, (claimed, unchanged ? bytes : null, unchanged ? check : null), clock, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Finishes the claims in <c>processing/</c> that no running process owns: left by a crash,
    /// or waiting for a usable template. A claim is owned by whoever holds its lock file open, and
    /// the operating system releases that lock when a process dies, so a claim another instance is
    /// working on is never taken over.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        if (templates.Current is null)
        {
            return; // nothing could be rendered: leave the claims for when a template compiles
        }

        foreach (var claim in Directory.EnumerateDirectories(folders.Processing).Order(StringComparer.Ordinal).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var ownership = TryOwn(claim);
            if (ownership is null)
            {
                continue; // a live process is working on it
            }

            var claimId = Path.GetFileName(claim);
            logger.Recovering(claimId);
            try
            {
                await ProcessClaimAsync(claim, null, Stopwatch.StartNew(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.ProcessingFailed(ex, claim);
            }
        }
    }

    /// <summary>Takes the claim's lock (creating it if needed), or null when another process holds it.</summary>
    private static FileStream? TryOwn(string claim)
    {
        try
        {
            return new FileStream(Path.Combine(claim, Lock), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Claims an inbox file: a new claim folder whose lock this process holds, then one atomic
    /// rename of the file into it (a second process renaming the same file finds it gone).
    /// </summary>
    private (string Claim, FileStream Ownership)? Claim(FileInfo file)
    {
        string claim;
        FileStream? ownership;
        var attempts = 0;
        do
        {
            // A recovery pass (this instance's or another's) may lock a new, still empty folder in
            // the instant before its creator does; it then removes it, and the creator takes
            // another instead of leaving the file for the next rescan.
            var id = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}")[..30];
            claim = Path.Combine(folders.Processing, id);
            Directory.CreateDirectory(claim);
            ownership = TryOwn(claim);
            if (ownership is null)
            {
                RemoveUnowned(claim);
            }
        }
        while (ownership is null && ++attempts < 3);

        if (ownership is null)
        {
            logger.ClaimNotLocked(file.Name, folders.Processing, attempts);
            return null;
        }

        try
        {
            // A plain rename: atomic on the source on every file system (the target, in a new folder
            // of ours, cannot exist).
            io.Execute(static state => File.Move(state.Source, state.Target, overwrite: false), (Source: file.FullName, Target: Path.Combine(claim, file.Name)));
            return (claim, ownership);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            // Another process took it first (or it was removed): not ours.
            ownership.Dispose();
            Directory.Delete(claim, recursive: true);
            return null;
        }
    }

    /// <summary>
    /// Removes a new claim folder this process could not lock, when it is still empty: a recovery
    /// pass that locked it removes it itself; any other failure (permissions, no space) must not
    /// leave empty folders behind at every attempt.
    /// </summary>
    private static void RemoveUnowned(string claim)
    {
        try
        {
            Directory.Delete(claim, recursive: false);
        }
        catch (IOException)
        {
            // not empty (a recovery pass's lock file is in it): that pass removes it
        }
        catch (UnauthorizedAccessException)
        {
            // the same failure that refused the lock
        }
    }

    /// <param name="first">For a fresh claim: the claimed file, and its bytes and check when it did not change while being claimed.</param>
    private async Task ProcessClaimAsync(string claim, (string Path, byte[]? Bytes, SubmissionCheck? Check)? first, Stopwatch clock, CancellationToken cancellationToken)
    {
        string input;
        if (first is { Path: { } claimed })
        {
            input = claimed; // a fresh claim: nothing was staged yet
        }
        else
        {
            if (ReadManifest(Path.Combine(claim, Manifest)) is { } manifest)
            {
                Publish(claim, manifest);
                return;
            }

            var found = Directory.EnumerateFiles(claim).FirstOrDefault(static f => !Path.GetFileName(f).StartsWith('.'));
            if (found is null)
            {
                RemoveClaim(claim, everything: true); // only our own staged files were left
                return;
            }

            foreach (var staged in Directory.EnumerateFiles(claim, ".*").Where(static f => !f.EndsWith(Lock, StringComparison.Ordinal)))
            {
                File.Delete(staged); // an interrupted attempt: start it again
            }

            input = found;
        }

        var name = Path.GetFileName(input);
        var readClock = Stopwatch.StartNew();
        var (bytes, check) = first is { Bytes: { } b, Check: { } c } && !IsMalformed(c)
            ? (b, c)
            : await ReadAndCheckAsync(input, cancellationToken).ConfigureAwait(false);

        var readMs = readClock.Elapsed.TotalMilliseconds;
        if (!check.IsValid)
        {
            var report = Reject(claim, name, check.Report, cancellationToken);
            logger.Rejected(name, clock.Elapsed.TotalMilliseconds, check.Report.ErrorCount, report);
            return;
        }

        var template = templates.Current ?? throw new InvalidOperationException("No template is loaded.");
        var renderClock = Stopwatch.StartNew();
        var document = new MemoryStream();
        try
        {
            DocxRenderer.Render(template, ModelMapper.Map(check.Submission!, validator.Frameworks), document);
        }
        catch (TemplateRenderException ex)
        {
            // The template cannot be filled with this (valid) data: the submission still ends, in
            // failed/ with a report that says so, instead of staying claimed for ever.
            var failure = new ValidationReport([new ValidationIssue("T9", Severity.Error, JsonPath.Root,
                $"模板“{template.Name}”无法填充此申报（{ex.Part}）：{ex.InnerException?.Message}。申报本身通过了校验；请管理员检查模板后重新提交。",
                $"Template '{template.Name}' could not be filled with this submission ({ex.Part}): {ex.InnerException?.Message}. The submission itself is valid; ask the admin to check the template, then submit again.")]);
            var report = Reject(claim, name, failure, cancellationToken);
            logger.Rejected(name, clock.Elapsed.TotalMilliseconds, 1, report);
            return;
        }

        var renderMs = renderClock.Elapsed.TotalMilliseconds;
        // Only the document is flushed to disk before it is published: it is what submitters take.
        var written = document.GetBuffer().AsSpan(0, (int)document.Length);
        WriteStaged(Path.Combine(claim, StagedDocument), written, _options.FlushToDisk);
        var outputSha = Sha256(written);
        var inputSha = Sha256(bytes);
        var warnings = check.Report.Warnings.ToList();

        // The receipt is the reservation of the versioned name: it appears in archive/ whole, once.
        var stem = Reserve(
            Path.GetFileNameWithoutExtension(name),
            claim,
            s => Path.Combine(folders.Archive, s + ".receipt.json"),
            s => [Path.Combine(folders.Out, s + ".docx"), Path.Combine(folders.Archive, s + ".json")],
            s => JsonSerializer.SerializeToUtf8Bytes(new Receipt(
                name,
                Path.GetFileName(claim),
                inputSha,
                Path.GetRelativePath(folders.Root, Path.Combine(folders.Out, s + ".docx")),
                outputSha,
                template.Name,
                template.Sha256,
                time.GetUtcNow(),
                new ReceiptTimings(readMs, renderMs, clock.Elapsed.TotalMilliseconds),
                warnings), ServiceJson.Options),
            cancellationToken);

        var publish = new PublishManifest("success", stem,
        [
            new(StagedDocument, Path.Combine(folders.Out, stem + ".docx"), Overwrite: false),
            new(name, Path.Combine(folders.Archive, stem + ".json"), Overwrite: false),
        ]);
        Commit(claim, publish);
        logger.Processed(name, "generated", clock.Elapsed.TotalMilliseconds, publish.Moves[0].To, check.Report.WarningCount);
    }

    /// <summary>Publishes the input to <c>failed/</c> with its report; returns the report's path.</summary>
    private string Reject(string claim, string name, ValidationReport report, CancellationToken cancellationToken)
    {
        WriteStaged(Path.Combine(claim, StagedErrorsText), Encoding.UTF8.GetBytes(ReportFormatter.ToText(report, name)), flushToDisk: false);
        WriteStaged(Path.Combine(claim, StagedErrorsJson), Encoding.UTF8.GetBytes(ReportFormatter.ToJson(report, name)), flushToDisk: false);
        var claimId = Path.GetFileName(claim);
        var stem = Reserve(
            Path.GetFileNameWithoutExtension(name),
            claim,
            s => Path.Combine(folders.Failed, s + ".errors.json"),
            s => [Path.Combine(folders.Failed, s + ".json"), Path.Combine(folders.Failed, s + ".errors.txt")],
            _ => Encoding.UTF8.GetBytes($"{{\"reservedBy\":\"{claimId}\"}}"),
            cancellationToken);
        var publish = new PublishManifest("rejected", stem,
        [
            new(StagedErrorsText, Path.Combine(folders.Failed, stem + ".errors.txt"), Overwrite: false),
            new(StagedErrorsJson, Path.Combine(folders.Failed, stem + ".errors.json"), Overwrite: true),
            new(name, Path.Combine(folders.Failed, stem + ".json"), Overwrite: false),
        ]);
        Commit(claim, publish);
        return publish.Moves[0].To;
    }

    /// <summary>
    /// The first free versioned stem (<c>x</c>, <c>x.2</c>, …), reserved by renaming a file
    /// written in the claim (the receipt, or a placeholder for an error report) to its final name
    /// without overwriting: it appears whole, two processes never get the same stem, and a
    /// restarted claim recognises its own reservation by the claim id inside it.
    /// </summary>
    private static string Reserve(
        string baseStem,
        string claim,
        Func<string, string> reservationOf,
        Func<string, string[]> takenBy,
        Func<string, byte[]> contentFor,
        CancellationToken cancellationToken)
    {
        var claimId = Path.GetFileName(claim);
        var staged = Path.Combine(claim, ".docgen-reservation");
        for (var n = 1; ; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stem = InboxFolders.Versioned(baseStem, n);
            var reservation = reservationOf(stem);
            if (File.Exists(reservation))
            {
                if (IsReservedBy(reservation, claimId))
                {
                    WriteStaged(staged, contentFor(stem), flushToDisk: false);
                    File.Move(staged, reservation, overwrite: true);
                    return stem;
                }

                continue;
            }

            if (takenBy(stem).Any(File.Exists))
            {
                continue;
            }

            WriteStaged(staged, contentFor(stem), flushToDisk: false);
            try
            {
                NoReplaceMove.Move(staged, reservation);
                return stem;
            }
            catch (IOException) when (File.Exists(reservation))
            {
                // Another process reserved this stem a moment ago: try the next.
                File.Delete(staged);
            }
        }
    }

    private static bool IsReservedBy(string reservation, string claimId)
    {
        try
        {
            return File.ReadAllText(reservation).Contains(claimId, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Writes the manifest (from here on a restart finishes the moves), then publishes.</summary>
    private void Commit(string claim, PublishManifest manifest)
    {
        WriteStaged(Path.Combine(claim, Manifest), JsonSerializer.SerializeToUtf8Bytes(manifest, ServiceJson.Options), flushToDisk: false);
        Publish(claim, manifest);
    }

    /// <summary>Performs the manifest's moves that have not happened yet, the input last; then removes the empty claim.</summary>
    private void Publish(string claim, PublishManifest manifest)
    {
        foreach (var move in manifest.Moves)
        {
            try
            {
                io.Execute(static m =>
                {
                    if (m.Overwrite)
                    {
                        File.Move(m.Source, m.Target, overwrite: true);
                    }
                    else
                    {
                        NoReplaceMove.Move(m.Source, m.Target);
                    }
                }, (Source: Path.Combine(claim, move.From), Target: move.To, move.Overwrite));
            }
            catch (FileNotFoundException)
            {
                // moved before a crash
            }
        }

        File.Delete(Path.Combine(claim, Manifest));
        RemoveClaim(claim, everything: false);
    }

    /// <summary>Removes a finished claim folder: after publishing only the lock is left in it; an abandoned one may hold staged files.</summary>
    private static void RemoveClaim(string claim, bool everything)
    {
        try
        {
            if (everything)
            {
                Directory.Delete(claim, recursive: true);
                return;
            }

            File.Delete(Path.Combine(claim, Lock));
            Directory.Delete(claim, recursive: false);
        }
        catch (DirectoryNotFoundException)
        {
            // another instance's recovery removed the empty claim first
        }
        catch (IOException)
        {
            // Windows keeps the open lock file: the next recovery pass removes the empty claim
        }
    }

    /// <summary>
    /// Reads a claimed file; while it is malformed JSON and still changing (a slow copy renamed
    /// early, still being written through its open handle), reads it again a few times.
    /// </summary>
    private async Task<(byte[] Bytes, SubmissionCheck Check)> ReadAndCheckAsync(string path, CancellationToken cancellationToken)
    {
        var (bytes, check) = ReadAndCheck(path);
        var stamp = Stamp(path);
        for (var attempt = 1; attempt <= _options.ParseRetries && IsMalformed(check); attempt++)
        {
            await Task.Delay(_options.ParseRetryDelay, time, cancellationToken).ConfigureAwait(false);
            var now = Stamp(path);
            if (now == stamp)
            {
                continue;
            }

            var fileName = Path.GetFileName(path);
            logger.ParseRetry(fileName, attempt);
            stamp = now;
            (bytes, check) = ReadAndCheck(path);
        }

        return (bytes, check);
    }

    private (byte[] Bytes, SubmissionCheck Check) ReadAndCheck(string path)
    {
        var bytes = io.Execute(static p => File.ReadAllBytes(p), path);
        return (bytes, validator.Check(bytes));
    }

    /// <summary>
    /// Writes a file inside the claim folder, synchronously (small local writes are faster than a
    /// hop through the thread pool). No temporary name is needed there: a staged file only counts
    /// once the manifest that names it exists, and a claim without one is redone. The name is new
    /// (a claim starts empty and a redo clears its staged files), which spares a truncate.
    /// </summary>
    private static void WriteStaged(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, fileOffset: 0);
        if (flushToDisk)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    /// <summary>The claim's manifest, or null when there is none or it was cut short (then the claim is redone).</summary>
    private static PublishManifest? ReadManifest(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<PublishManifest>(File.ReadAllBytes(path), ServiceJson.Options);
        }
        catch (Exception ex) when (ex is FileNotFoundException or JsonException)
        {
            return null;
        }
    }

    private static (long, DateTime) Stamp(string path)
    {
        FileInfo info = new(path);
        return (info.Length, info.LastWriteTimeUtc);
    }

    private static bool IsMalformed(SubmissionCheck check)
        => check.Report.Errors.Any(static e => e.Code is "D1");

    private static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
