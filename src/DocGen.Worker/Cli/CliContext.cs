using System.CommandLine;
using DocGen.Core.Frameworks;
using DocGen.Core.Validation;
using DocGen.Worker.IO;
using DocGen.Worker.Pipeline;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Cli;

/// <summary>What every command shares: where it prints, the <c>--templates</c> option, and reading a submission file.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Option<string?> TemplatesOption { get; } = new("--templates")
    {
        Description = "模板文件夹（含 frameworks/）。默认：当前目录下的 templates/，否则随程序附带的模板。 Templates folder (with frameworks/).",
        Recursive = true,
    };

    /// <summary>The pipeline over the frameworks of a (resolved) templates folder; null after printing why not.</summary>
    public SubmissionPipeline? CreatePipeline(string templatesFolder)
    {
        try
        {
            return new SubmissionPipeline(new SubmissionValidator(FrameworkCatalog.LoadFolder(templatesFolder)));
        }
        catch (Exception ex) when (ex is FrameworkException or IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"指标体系文件有误 Indicator framework problem ({templatesFolder}): {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Reads and validates a submission file the way the service does (only a regular file, never
    /// through a link or blocking on a FIFO, no more than the size limit) and prints the report;
    /// null when there is no such file or it cannot be read at all.
    /// </summary>
    public async Task<SubmissionCheck?> CheckAndReportAsync(SubmissionPipeline pipeline, string path, bool json, CancellationToken cancellationToken)
    {
        SubmissionCheck check;
        try
        {
            var read = SafeFile.Read(Path.GetFullPath(path), pipeline.Validator.Limits.MaxFileBytes);
            if (read.Outcome == SafeReadOutcome.Missing)
            {
                await Error.WriteLineAsync($"无法读取文件 Cannot read '{path}': 文件不存在 no such file.").ConfigureAwait(false);
                return null;
            }

            check = pipeline.Check(path, read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Error.WriteLineAsync($"无法读取文件 Cannot read '{path}': {ex.Message}").ConfigureAwait(false);
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        await Output.WriteAsync(json ? ReportFormatter.ToJson(check.Report, path) : ReportFormatter.ToText(check.Report, path, SubmissionPipeline.AudienceOf(path))).ConfigureAwait(false);
        return check;
    }

    /// <summary>A file read the way the service reads an inbox entry (a regular file, no link, no FIFO, within the size limit); null after printing why not.</summary>
    public async Task<byte[]?> ReadInputAsync(string path, long maxBytes)
    {
        try
        {
            var read = SafeFile.Read(Path.GetFullPath(path), maxBytes);
            if (read.Outcome == SafeReadOutcome.Read)
            {
                return read.Bytes;
            }

            await Error.WriteLineAsync($"无法读取文件 Cannot read '{path}': {(read.Outcome == SafeReadOutcome.Missing ? "文件不存在 no such file" : read.Outcome.ToString())}.").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Error.WriteLineAsync($"无法读取文件 Cannot read '{path}': {ex.Message}").ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>The templates folder the command works with.</summary>
    public string TemplatesFolder(ParseResult parse) => TemplateDirectory.Resolve(parse.GetValue(TemplatesOption));
}
