using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DocGen.Worker.Pdf;

/// <summary>
/// One warm converter: the bridge script (<c>docgen-pdf-bridge.py</c>, Python with UNO) and the
/// LibreOffice it started, spoken to in JSON lines over stdin/stdout. One caller at a time. Whatever
/// goes wrong — no answer in time, an unexpected answer, a dead process — ends in a
/// <see cref="PdfConverterException"/> and the caller disposes it, which kills the whole tree.
/// </summary>
internal sealed class PdfBridgeProcess : IDisposable
{
    private const int StderrLinesKept = 8;
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly string _profile;
    private readonly Queue<string> _stderr = new();
    private int _lastId;
    private bool _busy;
    private int _disposed;

    private PdfBridgeProcess(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public int ProcessId => _process.Id;

    /// <summary>LibreOffice's version, as it reports it.</summary>
    public string Version { get; private set; } = "";

    /// <summary>From start to the first answer over UNO, as the bridge measured it.</summary>
    public double StartMilliseconds { get; private set; }

    /// <summary>Starts the bridge and waits until LibreOffice answers (or <paramref name="timeout"/> passes).</summary>
    /// <param name="template">The pool's initialised profile, copied to <paramref name="profile"/> (built by the first converter that needs it).</param>
    public static async Task<PdfBridgeProcess> StartAsync(string script, LibreOfficeInstallation installation, string profile, string template, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(installation.Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = s_utf8,
            StandardOutputEncoding = s_utf8,
            StandardErrorEncoding = s_utf8,
        };

        // -I: isolated from PYTHON* variables and user site-packages; -X utf8: JSON and paths in UTF-8 whatever the locale.
        foreach (var argument in (string[])["-I", "-X", "utf8", script, installation.ProgramFolder, profile, timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), template])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["SAL_USE_VCLPLUGIN"] = "svp";

        // LibreOffice's temporary files (lu*.tmp) in the pool's own folder, removed with it at stop
        // and swept at the next start, instead of the system's temporary folder.
        var temporary = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(profile)!, "tmp")).FullName;
        info.Environment["TMPDIR"] = temporary;

        // LibreOffice turns file URLs into paths by its locale: under C or POSIX (containers, systemd
        // units without LANG) a path with Chinese characters cannot be opened.
        info.Environment["LC_ALL"] = "C.UTF-8";
        info.Environment["LANG"] = "C.UTF-8";
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new PdfConverterException($"could not start {installation.Python}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PdfConverterException($"could not start {installation.Python}: {ex.Message}", ex);
        }

        var bridge = new PdfBridgeProcess(process, profile);
        process.ErrorDataReceived += (_, e) => bridge.KeepErrorLine(e.Data);
        process.BeginErrorReadLine();
        try
        {
            // The script gives up on LibreOffice after the timeout itself; the margin is for Python's own start.
            var ready = await bridge.ReadMessageAsync(timeout + TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            if (ready.Event != "ready")
            {
                throw new PdfConverterException($"LibreOffice did not start: {ready.Error}{bridge.ErrorTail()}");
            }

            bridge.Version = ready.Version ?? "";
            bridge.StartMilliseconds = ready.Ms ?? 0;
            return bridge;
        }
        catch
        {
            bridge.Dispose();
            throw;
        }
    }

    /// <summary>Converts <paramref name="docx"/> to PDF/A at <paramref name="pdf"/>.</summary>
    public async Task ConvertAsync(string docx, string pdf, string? title, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = ++_lastId;
        var request = JsonSerializer.Serialize(new BridgeRequest(id, docx, pdf, title), s_json);
        _busy = true; // until a good answer: a failed converter is killed, not asked to stop
        try
        {
            await _process.StandardInput.WriteLineAsync(request.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new PdfConverterException($"the converter has stopped ({ex.Message}){ErrorTail()}", ex);
        }

        var reply = await ReadMessageAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (reply.Id != id)
        {
            throw new PdfConverterException($"the converter answered out of turn ({reply.Event ?? reply.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture)}): {reply.Error}");
        }

        if (reply.Ok != true)
        {
            throw new PdfConverterException(reply.Error ?? "LibreOffice could not convert the document");
        }

        _busy = false;
    }

    /// <summary>The next JSON line; a line that is not JSON (a library printing to stdout) is skipped.</summary>
    private async Task<BridgeMessage> ReadMessageAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            string? line;
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(cancellationToken).AsTask()
                    .WaitAsync(timeout - deadline.Elapsed is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Kill();
                throw new PdfConverterException($"LibreOffice did not answer within {timeout.TotalSeconds:0} s; the converter was stopped");
            }

            if (line is null)
            {
                throw new PdfConverterException($"the converter stopped ({ExitDescription()}){ErrorTail()}");
            }

            if (line.StartsWith('{'))
            {
                try
                {
                    return JsonSerializer.Deserialize<BridgeMessage>(line, s_json) ?? throw new JsonException("null");
                }
                catch (JsonException)
                {
                    // not one of ours: skipped like any other line
                }
            }
        }
    }

    private string ExitDescription()
    {
        try
        {
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                return "still running but closed its output";
            }

            return _process.ExitCode >= 128 ? $"killed by signal {_process.ExitCode - 128}" : $"exit code {_process.ExitCode}";
        }
        catch (InvalidOperationException)
        {
            return "stopped";
        }
    }

    private void KeepErrorLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.Enqueue(line.Length > 300 ? line[..300] : line);
            while (_stderr.Count > StderrLinesKept)
            {
                _stderr.Dequeue();
            }
        }
    }

    private string ErrorTail()
    {
        lock (_stderr)
        {
            return _stderr.Count == 0 ? "" : " — " + string.Join(" | ", _stderr);
        }
    }

    /// <summary>Kills the bridge and every process it started (LibreOffice also dies with it by its parent-death signal).</summary>
    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }
    }

    /// <summary>
    /// Stops the converter: an idle one is asked to (end of input: it stops LibreOffice and waits
    /// for it), a busy or unanswering one is killed with everything it started.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (!_busy)
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // already gone
            }
        }

        try
        {
            if (_busy || !_process.WaitForExit(TimeSpan.FromSeconds(3)))
            {
                Kill();
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // gone already
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // a profile left in the temporary folder is removed at the next start (PdfConverterPool)
        }
    }

    private sealed record BridgeRequest(int Id, string Docx, string Pdf, string? Title);

    private sealed record BridgeMessage(string? Event, int? Id, bool? Ok, double? Ms, string? Error, string? Version);
}
