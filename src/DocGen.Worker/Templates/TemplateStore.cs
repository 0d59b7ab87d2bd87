using System.Diagnostics;
using System.Text;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Engine;
using DocGen.Worker.IO;
using DocGen.Core.Rules;

namespace DocGen.Worker.Templates;

/// <summary>
/// The template in use, recompiled when an admin saves a new version. A version that does not
/// compile leaves the last good one in use and writes <c>&lt;template&gt;.errors.txt</c> beside the
/// template (where the admin looks), removed again once the template is fixed.
/// </summary>
/// <param name="templatesFolder">The templates folder as configured (null: the default, <see cref="TemplateDirectory.Resolve"/>).</param>
/// <param name="template">The Word template's file name in it.</param>
public sealed class TemplateStore(string? templatesFolder, string template, ILogger<TemplateStore> logger, TimeProvider time)
{
    /// <summary>Word saves through a temporary file: a new version is compiled once it has not changed for this long.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(300);

    private static readonly FileStamp s_missing = new(-1, DateTime.MinValue);

    private readonly Lock _gate = new();
    private readonly StabilityTracker _stability = new(SettleTime, time);
    private CompiledTemplate? _current;
    private IReadOnlyList<TemplateProblem>? _problems;
    private long _loaded;
    private long _refused;
    private FileStamp _seen;

    public string TemplatesFolder { get; } = TemplateDirectory.Resolve(templatesFolder);

    public string TemplatePath => Path.Combine(TemplatesFolder, template);

    public string ErrorReportPath => TemplatePath + ".errors.txt";

    /// <summary>The last version that compiled, or null if none has yet.</summary>
    public CompiledTemplate? Current => Volatile.Read(ref _current);

    /// <summary>The problems of the last version refused (the last good one stays in use), or null when the file on disk is the one in use.</summary>
    public IReadOnlyList<TemplateProblem>? Problems => Volatile.Read(ref _problems);

    /// <summary>Versions compiled and put in use since the start.</summary>
    public long Loaded => Interlocked.Read(ref _loaded);

    /// <summary>Versions refused since the start.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Compiles the template if its file changed since the last look (cheap when it did not).</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            if (FileStamp.Of(TemplatePath) is not { } stamp)
            {
                if (_current is null && _seen != s_missing)
                {
                    logger.NoTemplate(TemplatePath);
                    _seen = s_missing;
                }

                return;
            }

            if (stamp == _seen)
            {
                return;
            }

            // Wait until a new version stops changing (the very first one is taken at once).
            if (_current is not null && !_stability.IsStable(TemplatePath, stamp))
            {
                return;
            }

            _seen = stamp;
            Compile(new FileInfo(TemplatePath));
        }
    }

    /// <summary>Writes (or, with null, removes) the report beside the template; a read-only templates folder only loses the report, the log still has it.</summary>
    private void TryWriteReport(string? text)
    {
        try
        {
            if (text is null)
            {
                File.Delete(ErrorReportPath);
            }
            else
            {
                AtomicFile.WriteAsync(ErrorReportPath, Encoding.UTF8.GetBytes(text), overwrite: true, flushToDisk: false, CancellationToken.None).GetAwaiter().GetResult();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.TemplateReportNotWritten(ErrorReportPath, ex.Message);
        }
    }

    private void Compile(FileInfo file)
    {
        var clock = Stopwatch.StartNew();
        byte[] bytes;
        try
        {
            bytes = ReadTemplate(file.FullName);
        }
        catch (IOException)
        {
            _seen = default; // locked by the editor: look again at the next refresh
            return;
        }
        catch (UnauthorizedAccessException ex)
        {
            Report(file, [new TemplateProblem(RuleCodes.T0, null, $"无法读取模板（权限）：{ex.Message}", $"The template cannot be read (permissions): {ex.Message}")]);
            return;
        }
        catch (TemplateException ex)
        {
            Report(file, ex.Problems);
            return;
        }

        try
        {
            var compiled = TemplateCompiler.Compile(bytes, file.Name);
            if (_current?.Sha256 != compiled.Sha256)
            {
                Volatile.Write(ref _current, compiled);
                Interlocked.Increment(ref _loaded);
                logger.TemplateLoaded(file.Name, compiled.Sha256, clock.Elapsed.TotalMilliseconds);
            }

            Volatile.Write(ref _problems, null);
            if (File.Exists(ErrorReportPath))
            {
                TryWriteReport(null); // our own report: the template is fixed
            }
        }
        catch (TemplateException ex)
        {
            Report(file, ex.Problems);
        }
    }

    /// <summary>
    /// The template's bytes, read only when it is a regular file within the size limit (an admin's
    /// folder, so a link to the template is followed; a FIFO or a huge file is not read).
    /// </summary>
    private static byte[] ReadTemplate(string path)
    {
        var target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        var read = SafeFile.Read(target, TemplateCompiler.MaxFileBytes);
        return read.Outcome switch
        {
            SafeReadOutcome.Read => read.Bytes!,
            SafeReadOutcome.Missing => throw new FileNotFoundException("The template is gone.", path),
            SafeReadOutcome.AccessDenied => throw new UnauthorizedAccessException(read.Error),
            SafeReadOutcome.TooLarge => throw new TemplateException(Path.GetFileName(path), [new TemplateProblem(RuleCodes.T10, null,
                $"模板文件过大（{read.Info.Length:N0} 字节，上限 {TemplateCompiler.MaxFileBytes:N0}）。", $"The template file is too large ({read.Info.Length:N0} bytes; the limit is {TemplateCompiler.MaxFileBytes:N0}).")]),
            _ => throw new TemplateException(Path.GetFileName(path), [new TemplateProblem(RuleCodes.T0, null,
                "模板不是普通文件。", "The template is not a regular file.")]),
        };
    }

    private void Report(FileInfo file, IReadOnlyList<TemplateProblem> problems)
    {
        Volatile.Write(ref _problems, problems);
        Interlocked.Increment(ref _refused);
        var text = "模板有误，以下问题修正前仍使用上一个可用版本。 The template has problems; the last good version stays in use until they are fixed.\n"
            + "时间 Time: " + time.GetUtcNow().ToString("u", System.Globalization.CultureInfo.InvariantCulture) + "\n\n"
            + TemplateProblemFormatter.ToText(new TemplateCheckResult(file.FullName, false, problems));
        TryWriteReport(text);
        logger.TemplateBroken(file.Name, problems.Count, ErrorReportPath);
    }
}
