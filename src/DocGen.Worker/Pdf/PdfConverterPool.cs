using System.Diagnostics;
using DocGen.Worker.IO;
using Microsoft.Extensions.Logging;

namespace DocGen.Worker.Pdf;

/// <summary>
/// Warm LibreOffice converters, started once and kept: a conversion borrows one (smallest document
/// first, one converter kept for short documents: <see cref="ConverterQueue{T}"/>), a converter that
/// fails (does not start, hangs past the timeout, dies, cannot convert) is killed and a fresh one
/// takes its place for the next attempt; a document is tried <see cref="PdfConverterSettings.MaxAttempts"/>
/// times, never for ever. Disposing the pool kills every converter; a converter also dies with
/// this process however it ends (see <c>docgen-pdf-bridge.py</c>).
/// </summary>
public sealed class PdfConverterPool : IDisposable, IAsyncDisposable
{
    private readonly PdfConverterSettings _settings;
    private readonly ILogger _logger;
    private readonly ConverterQueue<ConverterSlot> _idle;
    private readonly ConverterSlot[] _slots;
    private readonly CancellationTokenSource _disposing = new();
    private readonly PdfWorkFolder _folder = new();
    private int _disposed;
    private long _converted;
    private long _failed;
    private long _deferred;
    private long _refused;
    private long _starts;

    public PdfConverterPool(PdfConverterSettings settings, ILogger<PdfConverterPool> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _logger = logger;
        _slots = [.. Enumerable.Range(1, Math.Max(1, settings.Converters)).Select(static n => new ConverterSlot(n))];
        _idle = new ConverterQueue<ConverterSlot>(_slots, settings.LongDocumentBytes);
    }

    public int Converters => _slots.Length;

    /// <summary>Documents converted, given up after the retry, and refused for their size, since the start (for the status pages).</summary>
    public (long Converted, long Failed, long Refused) Conversions => (Interlocked.Read(ref _converted), Interlocked.Read(ref _failed), Interlocked.Read(ref _refused));

    /// <summary>Conversions that failed for the environment's sake since the start (each is made again later).</summary>
    public long Deferred => Interlocked.Read(ref _deferred);

    /// <summary>LibreOffice converters started since the start: beyond <see cref="Converters"/>, each is a restart after a failure.</summary>
    public long Starts => Interlocked.Read(ref _starts);

    /// <summary>The pool's own folder, once made (for tests: other pools of the same process have folders of the same prefix).</summary>
    internal string? ScratchFolder => _folder.Current;

    /// <summary>The converters' process ids (for tests that kill or stop one).</summary>
    internal IReadOnlyList<int> ProcessIds => [.. _slots.Select(static s => s.Bridge?.ProcessId ?? 0).Where(static id => id != 0)];

    /// <summary>
    /// Starts every converter in the background and has it convert a small document, so the first
    /// submissions wait neither for LibreOffice to start nor for its first, slow conversion.
    /// </summary>
    public void WarmUp()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            _ = Task.Run(WarmUpOneAsync, CancellationToken.None);
        }
    }

    private async Task WarmUpOneAsync()
    {
        ConverterLease<ConverterSlot>? lease;
        try
        {
            lease = await _idle.AcquireAsync(0, _disposing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // disposed first
        }

        if (lease is null)
        {
            return;
        }

        var slot = lease.Converter;

        try
        {
            var bridge = await EnsureStartedAsync(slot, _disposing.Token).ConfigureAwait(false);
            await bridge.ConvertAsync(_folder.KnownGoodDocument, _folder.Scratch(slot.Number), "DocGen", _settings.Timeout, _disposing.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (ex is PdfConverterException && slot.Bridge is not null)
            {
                _logger.ConversionFailed(slot.Number, 1, 1, "warm-up.docx", ex.Message); // (a start that failed is logged where it failed)
            }

            slot.Stop(); // the next conversion starts a fresh one
        }
        finally
        {
            _idle.Release(lease);
        }
    }

    /// <summary>
    /// Converts a Word document to PDF/A-2b at <paramref name="pdf"/> (overwritten), with
    /// <paramref name="title"/> as the PDF's title. Never throws but for cancellation (or what
    /// <paramref name="lent"/> throws): a failed conversion, whatever failed, is a result that says
    /// why, after the bounded retry, and whether it was the document's fault or the environment's
    /// (<see cref="PdfConversion.Deferred"/>: when the document fails, a known-good one is
    /// converted too; if that fails as well, the environment is at fault). With
    /// <paramref name="expectedSha256"/> the document is first copied into the pool's own folder
    /// and converted from there only if it has that hash: a document staged in a shared folder is
    /// never handed to LibreOffice as whoever can write there left it. <paramref name="lent"/> is
    /// called once a converter is lent, before the conversion starts: the wait for one may be long.
    /// </summary>
    public async Task<PdfConversion> ConvertAsync(string docx, string pdf, string? title, CancellationToken cancellationToken, Action? lent = null, string? expectedSha256 = null)
    {
        var clock = Stopwatch.StartNew();
        var bytes = SafeFile.Inspect(docx).Length;
        if (RefusalFor(bytes) is { } refused)
        {
            return refused;
        }

        var timeout = _settings.TimeoutFor(bytes);
        if (await _idle.AcquireAsync(bytes, cancellationToken).ConfigureAwait(false) is not { } lease)
        {
            return new PdfConversion(clock.Elapsed.TotalMilliseconds, 0, "the PDF converters have been stopped") { Deferred = true };
        }

        var slot = lease.Converter;
        string? copy = null;
        try
        {
            lent?.Invoke();
            var error = "";
            var environmental = false;
            string source;
            try
            {
                source = expectedSha256 is null ? Path.GetFullPath(docx) : _folder.PrivateCopy(docx, expectedSha256, _settings.MaxDocumentBytes);
                copy = expectedSha256 is null ? null : source;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                return Failed(clock, 0, ex is ChangedDocumentException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", deferred: ex is not ChangedDocumentException);
            }

            for (var attempt = 1; attempt <= _settings.MaxAttempts; attempt++)
            {
                PdfBridgeProcess bridge;
                try
                {
                    bridge = await EnsureStartedAsync(slot, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // LibreOffice does not start, or its folder cannot be made: nothing to do with the document.
                    return Failed(clock, attempt, ex is PdfConverterException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", deferred: true);
                }

                try
                {
                    // LibreOffice writes in the pool's folder (its temporary files too), never beside the
                    // caller's files; the finished PDF is then moved to where it was asked for (a
                    // rename when both are on one file system, else a copy).
                    var scratch = _folder.Scratch(slot.Number);
                    await bridge.ConvertAsync(source, scratch, title, timeout, cancellationToken).ConfigureAwait(false);
                    PdfDelivery.MoveOut(scratch, pdf);
                    Interlocked.Increment(ref _converted);
                    return new PdfConversion(clock.Elapsed.TotalMilliseconds, attempt, null);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    error = ex is PdfConverterException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
                    environmental |= ex is IOException or UnauthorizedAccessException; // the PDF not moved: a full or gone folder
                    _logger.ConversionFailed(slot.Number, attempt, _settings.MaxAttempts, Path.GetFileName(docx), error);
                    slot.Stop(); // a fresh converter takes the next attempt or document
                    StalePipeSockets.Sweep(); // a converter that died left its sockets in /tmp
                }
                catch
                {
                    slot.Stop(); // cancelled mid-conversion: its answer must not reach the next caller
                    throw;
                }
            }

            return Failed(clock, _settings.MaxAttempts, error, deferred: environmental || !await KnownGoodConvertsAsync(slot, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            if (copy is not null)
            {
                PdfDelivery.TryDelete(copy);
            }

            _idle.Release(lease);
        }
    }

    /// <summary>Whether a fresh converter converts the pool's own small document: when it does, a document that failed twice is at fault, not the machine.</summary>
    private async Task<bool> KnownGoodConvertsAsync(ConverterSlot slot, CancellationToken cancellationToken)
    {
        try
        {
            var bridge = await EnsureStartedAsync(slot, cancellationToken).ConfigureAwait(false);
            await bridge.ConvertAsync(_folder.KnownGoodDocument, _folder.Scratch(slot.Number), "DocGen", _settings.Timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            slot.Stop();
            return false;
        }
    }

    private PdfConversion Failed(Stopwatch clock, int attempts, string error, bool deferred)
    {
        Interlocked.Increment(ref deferred ? ref _deferred : ref _failed);
        return new PdfConversion(clock.Elapsed.TotalMilliseconds, attempts, error) { Deferred = deferred };
    }

    /// <summary>The result for a document too big to be given a PDF (published at once without it; counted), or null when it will be converted.</summary>
    public PdfConversion? RefusalFor(long bytes)
    {
        if (bytes <= _settings.MaxDocumentBytes)
        {
            return null;
        }

        Interlocked.Increment(ref _refused);
        return new PdfConversion(0, 0, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"文档有 {bytes / 1048576.0:F1} MB，超过生成 PDF 的上限 {_settings.MaxDocumentBytes / 1048576.0:F1} MB（约数千页），已只发布 Word 文档 the document is {bytes / 1048576.0:F1} MB, over the PDF limit of {_settings.MaxDocumentBytes / 1048576.0:F1} MB: published without its PDF"));
    }

    private async Task<PdfBridgeProcess> EnsureStartedAsync(ConverterSlot slot, CancellationToken cancellationToken)
    {
        if (slot.Bridge is { } running)
        {
            return running;
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var profile = _folder.Profile(slot.Number, ++slot.Generation);
        try
        {
            var bridge = await PdfBridgeProcess.StartAsync(_folder.Script, _settings.Installation, profile, _folder.ProfileTemplate, _settings.StartTimeout, cancellationToken).ConfigureAwait(false);
            slot.Bridge = bridge;
            if (_disposed != 0)
            {
                slot.Stop(); // disposed while it started: Dispose may have passed this slot already
                throw new ObjectDisposedException(nameof(PdfConverterPool));
            }

            Interlocked.Increment(ref _starts);
            _logger.ConverterStarted(slot.Number, bridge.ProcessId, bridge.Version, bridge.StartMilliseconds);
            return bridge;
        }
        catch (PdfConverterException ex)
        {
            _logger.ConverterNotStarted(slot.Number, ex.Message);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Kills every converter (all at once: a stop must not wait on each in turn) and removes the pool's folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _disposing.Cancel();
        _idle.Close();
        Parallel.ForEach(_slots, static slot => slot.Stop());
        _folder.Dispose();
    }
}
