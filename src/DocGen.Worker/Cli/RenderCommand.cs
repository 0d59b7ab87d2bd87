using System.CommandLine;
using DocGen.Core.Model;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Engine;
using DocGen.Worker.IO;
using DocGen.Worker.Pipeline;
using DocGen.Worker.Pdf;
using DocGen.Worker.Templates;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocGen.Worker.Cli;

/// <summary><c>docgen render</c>: validate, then write the Word document atomically.</summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "申报文件（JSON 或 Excel 工作簿 .xlsx）。 The submission (JSON or an .xlsx workbook)." };
        var outFile = new Option<string?>("--output", "-o") { Description = "输出的 Word 文件（默认：与输入同名的 .docx）。 The Word file to write (default: the input's name with .docx)." };
        var template = new Option<string?>("--template") { Description = $"使用的 Word 模板（默认：模板文件夹中的 {TemplateDirectory.DefaultTemplate}）。 The Word template to fill." };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出校验报告。 Print the validation report as JSON." };
        var pdf = new Option<bool>("--pdf") { Description = $"同时生成 PDF/A 副本（与 Word 文件同名的 .pdf），需要 LibreOffice：{LibreOfficeInstallation.DebianPackages}。 Also write a PDF/A copy beside the Word file (needs LibreOffice)." };
        var command = new Command("render", "校验后生成 Word 文档（先写临时文件再改名，不会留下半个文件）。警告照常输出，不影响生成。 Validate, then write the Word document atomically; warnings are printed, not fatal.")
        {
            file,
            outFile,
            template,
            json,
            pdf,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            LibreOfficeInstallation? office = null;
            if (parse.GetValue(pdf) && (office = LibreOfficeInstallation.Find(null, out var problem)) is null)
            {
                await context.Error.WriteLineAsync($"无法生成 PDF Cannot write the PDF: {problem}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            var templates = context.TemplatesFolder(parse);
            var pipeline = context.CreatePipeline(templates);
            if (pipeline is null)
            {
                return ExitCodes.UsageOrIo;
            }

            // The template does not depend on the submission: it is compiled (~0.2 s in a fresh
            // process, most of it the JIT) beside the check, so a big file's check adds little wait.
            var templatePath = parse.GetValue(template) ?? Path.Combine(templates, TemplateDirectory.DefaultTemplate);
            var compiling = Task.Run(() => CompileAsync(templatePath, cancellationToken), cancellationToken);
            var check = await context.CheckAndReportAsync(pipeline, path, parse.GetValue(json), cancellationToken).ConfigureAwait(false);
            if (check?.Valid is not { } valid)
            {
                return check is null ? ExitCodes.UsageOrIo : ExitCodes.Invalid;
            }

            // What is left of reading the file (its bytes on the large-object heap, the reader's
            // garbage) is freed and its memory given back to the system before the render takes
            // memory of its own: a plain full collection keeps the freed regions committed, so the
            // render's peak stacked on the check's (a 4.0 MB file of 10,000 indicators: peak 73.5 MiB
            // instead of 85.5, docs/developer.md).
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var (compiled, templateProblem) = await compiling.ConfigureAwait(false);
            if (compiled is null)
            {
                await context.Error.WriteAsync(templateProblem).ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            var outcome = SubmissionPipeline.Run(check, compiled);
            if (outcome is not PipelineOutcome.Generated generated)
            {
                var failure = outcome.Report.Issues[0];
                await context.Error.WriteLineAsync($"模板填充失败 The template failed: {failure.Message} {failure.MessageEn}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            var target = parse.GetValue(outFile) ?? Path.ChangeExtension(path, ".docx");
            try
            {
                await AtomicFile.WriteAsync(target, generated.Document, overwrite: true, flushToDisk: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"无法写入 Cannot write '{target}': {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            await context.Output.WriteLineAsync($"已生成 Written: {target}").ConfigureAwait(false);
            return office is null ? ExitCodes.Ok : await WritePdfAsync(context, office, target, DocumentTitle.For(valid.Submission), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Converts the written document to a PDF beside it: LibreOffice writes a temporary name, which is then renamed into place.</summary>
    private static async Task<int> WritePdfAsync(CliContext context, LibreOfficeInstallation office, string docx, string title, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(Path.ChangeExtension(docx, ".pdf"));
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        await using var converters = new PdfConverterPool(new PdfConverterSettings(office, 1, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1)), NullLogger<PdfConverterPool>.Instance);
        try
        {
            var conversion = await converters.ConvertAsync(docx, temp, title, cancellationToken).ConfigureAwait(false);
            if (!conversion.Succeeded || !File.Exists(temp))
            {
                await context.Error.WriteLineAsync($"PDF 生成失败（已试 {conversion.Attempts} 次） The PDF could not be made after {conversion.Attempts} attempts: {conversion.Error}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            using (var handle = File.OpenHandle(temp, FileMode.Open, FileAccess.ReadWrite))
            {
                RandomAccess.FlushToDisk(handle);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"无法写入 Cannot write '{target}': {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }
        finally
        {
            File.Delete(temp);
        }

        await context.Output.WriteLineAsync($"已生成 Written: {target}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The compiled template, or why it cannot be used (printed by the caller, after the submission's report).</summary>
    private static async Task<(CompiledTemplate? Template, string Problem)> CompileAsync(string templatePath, CancellationToken cancellationToken)
    {
        try
        {
            return (TemplateCompiler.Compile(await File.ReadAllBytesAsync(templatePath, cancellationToken).ConfigureAwait(false), Path.GetFileName(templatePath)), "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"无法读取模板 Cannot read template '{templatePath}': {ex.Message}{Environment.NewLine}");
        }
        catch (TemplateException ex)
        {
            return (null, TemplateProblemFormatter.ToText(new TemplateCheckResult(templatePath, false, ex.Problems)));
        }
    }
}
