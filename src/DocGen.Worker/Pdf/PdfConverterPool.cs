using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace DocGen.Worker.Pdf;

/// <summary>
/// Warm LibreOffice converters, started once and kept: a conversion borrows one, a converter that
/// fails (does not start, hangs past the timeout, dies, cannot convert) is killed and a fresh one
/// takes its place for the next attempt; a document is tried <see cref="PdfConverterSettings.MaxAttempts"/>
/// times, never for ever. Disposing the pool kills every converter; a converter also dies with
/// this process however it ends (see <c>docgen-pdf-bridge.py</c>).
/// </summary>
public sealed class PdfConverterPool : IDisposable, IAsyncDisposable
{
    private const string ScriptResource = "DocGen.Worker.Pdf.docgen-pdf-bridge.py";
    private const string FolderPrefix = "docgen-pdf-";

    private readonly PdfConverterSettings _settings;
    private readonly ILogger _logger;
    private readonly Channel<Slot> _idle;
    private readonly Slot[] _slots;
    private readonly Lazy<string> _folder;
    private int _disposed;

    public PdfConverterPool(PdfConverterSettings settings, ILogger<PdfConverterPool> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _logger = logger;
        _slots = [.. Enumerable.Range(1, Math.Max(1, settings.Converters)).Select(static n => new Slot(n))];
        _idle = Channel.CreateUnbounded<Slot>();
        foreach (var slot in _slots)
        {
            _idle.Writer.TryWrite(slot);
        }

        _folder = new(CreateFolder, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int Converters => _slots.Length;

    /// <summary>The converters' process ids (for tests that kill or stop one).</summary>
    internal IReadOnlyList<int> ProcessIds => [.. _slots.Select(static s => s.Bridge?.ProcessId ?? 0).Where(static id => id != 0)];

    /// <summary>
    /// Starts every converter in the background and has it convert a small document, so the first
    /// submissions wait neither for LibreOffice to start nor for its first, slow conversion.
    /// </summary>
    public void WarmUp(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            _ = Task.Run(() => WarmUpOneAsync(cancellationToken), CancellationToken.None);
        }
    }

    private async Task WarmUpOneAsync(CancellationToken cancellationToken)
    {
        Slot slot;
        try
        {
            slot = await _idle.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            return; // disposed or stopped first
        }

        try
        {
            var bridge = await EnsureStartedAsync(slot, cancellationToken).ConfigureAwait(false);
            var folder = _folder.Value;
            var output = Path.Combine(folder, $"warm-up-{slot.Number}.pdf");
            await bridge.ConvertAsync(Path.Combine(folder, "warm-up.docx"), output, "DocGen", _settings.Timeout, cancellationToken).ConfigureAwait(false);
            File.Delete(output);
        }
        catch (Exception ex) when (ex is PdfConverterException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            if (ex is PdfConverterException && slot.Bridge is not null)
            {
                _logger.ConversionFailed(slot.Number, 1, 1, "warm-up.docx", ex.Message); // (a start that failed is logged where it failed)
            }

            slot.Stop(); // the next conversion starts a fresh one
        }
        finally
        {
            _idle.Writer.TryWrite(slot);
        }
    }

    /// <summary>
    /// Converts a Word document to PDF/A-2b at <paramref name="pdf"/> (overwritten), with
    /// <paramref name="title"/> as the PDF's title. Never throws for a failed conversion: the
    /// result says why, after the bounded retry.
    /// </summary>
    public async Task<PdfConversion> ConvertAsync(string docx, string pdf, string? title, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var clock = Stopwatch.StartNew();
        var slot = await _idle.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var error = "";
            for (var attempt = 1; attempt <= _settings.MaxAttempts; attempt++)
            {
                try
                {
                    var bridge = await EnsureStartedAsync(slot, cancellationToken).ConfigureAwait(false);
                    await bridge.ConvertAsync(Path.GetFullPath(docx), Path.GetFullPath(pdf), title, _settings.Timeout, cancellationToken).ConfigureAwait(false);
                    return new PdfConversion(clock.Elapsed.TotalMilliseconds, attempt, null);
                }
                catch (PdfConverterException ex)
                {
                    error = ex.Message;
                    _logger.ConversionFailed(slot.Number, attempt, _settings.MaxAttempts, Path.GetFileName(docx), ex.Message);
                    slot.Stop(); // restarted for the next attempt or document
                }
                catch
                {
                    slot.Stop(); // cancelled mid-conversion: its answer must not reach the next caller
                    throw;
                }
            }

            return new PdfConversion(clock.Elapsed.TotalMilliseconds, _settings.MaxAttempts, error);
        }
        finally
        {
            _idle.Writer.TryWrite(slot);
        }
    }

    private async Task<PdfBridgeProcess> EnsureStartedAsync(Slot slot, CancellationToken cancellationToken)
    {
        if (slot.Bridge is { } running)
        {
            return running;
        }

        var folder = _folder.Value;
        var profile = Path.Combine(folder, $"profile-{slot.Number}-{++slot.Generation}");
        try
        {
            var bridge = await PdfBridgeProcess.StartAsync(Path.Combine(folder, "bridge.py"), _settings.Installation, profile, _settings.StartTimeout, cancellationToken).ConfigureAwait(false);
            if (_disposed != 0)
            {
                bridge.Dispose();
                throw new ObjectDisposedException(nameof(PdfConverterPool));
            }

            _logger.ConverterStarted(slot.Number, bridge.ProcessId, bridge.Version, bridge.StartMilliseconds);
            return slot.Bridge = bridge;
        }
        catch (PdfConverterException ex)
        {
            _logger.ConverterNotStarted(slot.Number, ex.Message);
            throw;
        }
    }

    /// <summary>The pool's folder in the temporary folder (the bridge script and the converters' profiles); leftovers of dead processes are removed.</summary>
    private string CreateFolder()
    {
        SweepStale();
        var folder = Directory.CreateTempSubdirectory($"{FolderPrefix}{Environment.ProcessId}-").FullName;
        using var script = typeof(PdfConverterPool).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The resource {ScriptResource} is missing from the build.");
        using var file = File.Create(Path.Combine(folder, "bridge.py"));
        script.CopyTo(file);
        WarmUpDocument.WriteTo(Path.Combine(folder, "warm-up.docx"));
        return folder;
    }

    /// <summary>Folders left by a DocGen that was killed (its process id no longer runs).</summary>
    private static void SweepStale()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var name = Path.GetFileName(folder);
            var dash = name.IndexOf('-', FolderPrefix.Length);
            if (dash > 0 && int.TryParse(name.AsSpan(FolderPrefix.Length, dash - FolderPrefix.Length), out var pid) && !ProcessRuns(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // another user's, or in use: left alone
                }
            }
        }
    }

    private static bool ProcessRuns(int pid) => pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}");

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Kills every converter and removes the pool's folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _idle.Writer.TryComplete();
        foreach (var slot in _slots)
        {
            slot.Stop();
        }

        if (_folder.IsValueCreated)
        {
            try
            {
                Directory.Delete(_folder.Value, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // swept at the next start
            }
        }
    }

    /// <summary>One place for a converter; its process is replaced when it fails.</summary>
    private sealed class Slot(int number)
    {
        public int Number { get; } = number;

        public int Generation { get; set; }

        public PdfBridgeProcess? Bridge { get; set; }

        public void Stop()
        {
            var bridge = Bridge;
            Bridge = null;
            bridge?.Dispose();
        }
    }
}
