using System.CommandLine;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Pipeline;
using DocGen.Worker.IO;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Cli;

/// <summary><c>docgen render</c>: validate, then write the Word document atomically.</summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "JSON 申报文件。 The JSON submission." };
        var outFile = new Option<string?>("--output", "-o") { Description = "输出的 Word 文件（默认：与输入同名的 .docx）。 The Word file to write (default: the input's name with .docx)." };
        var template = new Option<string?>("--template") { Description = $"使用的 Word 模板（默认：模板文件夹中的 {TemplateDirectory.DefaultTemplate}）。 The Word template to fill." };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出校验报告。 Print the validation report as JSON." };
        var command = new Command("render", "校验后生成 Word 文档（先写临时文件再改名，不会留下半个文件）。警告照常输出，不影响生成。 Validate, then write the Word document atomically; warnings are printed, not fatal.")
        {
            file,
            outFile,
            template,
            json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var templates = context.TemplatesFolder(parse);
            var generator = context.CreateGenerator(templates);
            var check = generator is null ? null : await context.CheckAndReportAsync(generator, path, parse.GetValue(json), cancellationToken).ConfigureAwait(false);
            if (check?.Valid is not { } valid)
            {
                return check is null ? ExitCodes.UsageOrIo : ExitCodes.Invalid;
            }

            var templatePath = parse.GetValue(template) ?? Path.Combine(templates, TemplateDirectory.DefaultTemplate);
            if (await CompileAsync(context, templatePath, cancellationToken).ConfigureAwait(false) is not { } compiled)
            {
                return ExitCodes.UsageOrIo;
            }

            var result = DocumentGenerator.Render(valid, compiled);
            if (result is not Generated generated)
            {
                var failure = result.Report.Issues[0];
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
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The compiled template, or null after printing why it cannot be used.</summary>
    private static async Task<CompiledTemplate?> CompileAsync(CliContext context, string templatePath, CancellationToken cancellationToken)
    {
        try
        {
            return TemplateCompiler.Compile(await File.ReadAllBytesAsync(templatePath, cancellationToken).ConfigureAwait(false), Path.GetFileName(templatePath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"无法读取模板 Cannot read template '{templatePath}': {ex.Message}").ConfigureAwait(false);
        }
        catch (TemplateException ex)
        {
            await context.Error.WriteAsync(TemplateProblemFormatter.ToText(new TemplateCheckResult(templatePath, false, ex.Problems))).ConfigureAwait(false);
        }

        return null;
    }
}
