using System.CommandLine;
using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Model;
using DocGen.Worker.IO;
using DocGen.Worker.Service;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Cli;

/// <summary>The <c>docgen</c> command line: <c>run</c> (the inbox service), <c>validate</c>, <c>render</c>, <c>schema</c>.</summary>
public static class DocGenCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Build(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"用法错误 Usage error: {e.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("运行 docgen --help 查看用法。 Run 'docgen --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }

        // The host handles Ctrl+C / SIGTERM itself (graceful shutdown): the parser must not kill the process.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var templatesOption = new Option<string?>("--templates")
        {
            Description = "模板文件夹（含 frameworks/）。默认：当前目录下的 templates/，否则随程序附带的模板。 Templates folder (with frameworks/).",
            Recursive = true,
        };

        var root = new RootCommand(
            "DocGen：把 JSON 申报文件生成为部门整体绩效目标、预算项目绩效目标表 Word 文档。\n" +
            "DocGen turns JSON submissions into official Word documents (部门整体绩效目标, 预算项目绩效目标表).\n" +
            "退出码 Exit codes: 0 = 通过 valid/done, 1 = 未通过 invalid, 2 = 用法或读写错误 usage or I/O error.")
        {
            templatesOption,
        };
        root.Subcommands.Add(RunCommand(templatesOption, error));
        root.Subcommands.Add(ValidateCommand(templatesOption, output, error));
        root.Subcommands.Add(RenderCommand(templatesOption, output, error));
        root.Subcommands.Add(CheckTemplateCommand(templatesOption, output, error));
        root.Subcommands.Add(SchemaCommand(output, error));
        return root;
    }

    private static Command RunCommand(Option<string?> templatesOption, TextWriter error)
    {
        var root = new Option<string?>("--root")
        {
            Description = "数据根目录（其下 inbox/ processing/ out/ failed/ archive/），默认当前目录下的 data/。 Root folder of inbox/, processing/, out/, failed/, archive/ (default: ./data).",
        };
        var command = new Command("run", "启动收件箱服务：把放入 inbox/ 的 JSON 生成 Word 文档到 out/。其他设置：appsettings.json、环境变量 DocGen__X 或 --DocGen:X=值。 Run the inbox service: JSON dropped into inbox/ becomes Word documents in out/. Other settings: appsettings.json, environment DocGen__X, or --DocGen:X=value.")
        {
            root,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            List<string> configuration = [.. parse.UnmatchedTokens];
            if (parse.GetValue(root) is { } rootFolder)
            {
                configuration.Add($"--{DocGenOptions.Section}:{nameof(DocGenOptions.Root)}={rootFolder}");
            }

            if (parse.GetValue(templatesOption) is { } templates)
            {
                configuration.Add($"--{DocGenOptions.Section}:{nameof(DocGenOptions.Templates)}={templates}");
            }

            return await ServiceHost.RunAsync([.. configuration], error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command ValidateCommand(Option<string?> templatesOption, TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "要校验的 JSON 申报文件。 The JSON submission to check." };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出报告（供程序读取）。 Print the report as JSON, for programs." };
        var command = new Command("validate", "校验申报文件：列出全部错误和警告（中文，附 JSON 路径和规则编号）。 Validate a submission: every error and warning, with JSON paths and rule codes.")
        {
            file,
            json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var validator = CreateValidator(TemplateDirectory.Resolve(parse.GetValue(templatesOption)), error);
            var check = validator is null ? null : await CheckAndReportAsync(validator, path, parse.GetValue(json), output, error, cancellationToken).ConfigureAwait(false);
            return check is null ? ExitCodes.UsageOrIo : check.IsValid ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    private static Command RenderCommand(Option<string?> templatesOption, TextWriter output, TextWriter error)
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
            var templates = TemplateDirectory.Resolve(parse.GetValue(templatesOption));
            var validator = CreateValidator(templates, error);
            var check = validator is null ? null : await CheckAndReportAsync(validator, path, parse.GetValue(json), output, error, cancellationToken).ConfigureAwait(false);
            if (check is null || !check.IsValid)
            {
                return check is null ? ExitCodes.UsageOrIo : ExitCodes.Invalid;
            }

            var templatePath = parse.GetValue(template) ?? Path.Combine(templates, TemplateDirectory.DefaultTemplate);
            CompiledTemplate compiled;
            try
            {
                compiled = TemplateCompiler.Compile(await File.ReadAllBytesAsync(templatePath, cancellationToken).ConfigureAwait(false), Path.GetFileName(templatePath));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"无法读取模板 Cannot read template '{templatePath}': {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }
            catch (TemplateException ex)
            {
                await error.WriteLineAsync($"模板有误 Template problems in '{templatePath}':").ConfigureAwait(false);
                foreach (var problem in ex.Problems)
                {
                    await error.WriteLineAsync("  " + problem).ConfigureAwait(false);
                }

                return ExitCodes.UsageOrIo;
            }

            var target = parse.GetValue(outFile) ?? Path.ChangeExtension(path, ".docx");
            try
            {
                var model = ModelMapper.Map(check.Submission!, validator!.Frameworks);
                await AtomicFile.WriteAsync(target, (stream, _) =>
                {
                    DocxRenderer.Render(compiled, model, stream);
                    return Task.CompletedTask;
                }, overwrite: true, flushToDisk: true, cancellationToken).ConfigureAwait(false);
            }
            catch (TemplateRenderException ex)
            {
                await error.WriteLineAsync($"模板填充失败 The template failed: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"无法写入 Cannot write '{target}': {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            await output.WriteLineAsync($"已生成 Written: {target}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CheckTemplateCommand(Option<string?> templatesOption, TextWriter output, TextWriter error)
    {
        var file = new Argument<string?>("file")
        {
            Description = "要检查的 Word 模板；省略则检查模板文件夹中的全部 .docx。 The Word template to check; all .docx in the templates folder if omitted.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出（供程序读取）。 Print the result as JSON, for programs." };
        var command = new Command("check-template", "一次列出模板的全部问题及其位置（正文/页眉/页脚、段落、表格行列、附近文字）。 Report every problem of a template with where it is.")
        {
            file,
            json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = TemplateDirectory.Resolve(parse.GetValue(templatesOption));
            var files = parse.GetValue(file) is { } one
                ? [one]
                : Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.docx").Where(static f => !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList() : [];
            if (files.Count == 0)
            {
                await error.WriteLineAsync($"没有找到模板 No templates found in '{folder}'.").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            var results = new List<TemplateCheckResult>();
            foreach (var path in files)
            {
                byte[] bytes;
                try
                {
                    bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync($"无法读取模板 Cannot read '{path}': {ex.Message}").ConfigureAwait(false);
                    return ExitCodes.UsageOrIo;
                }

                try
                {
                    TemplateCompiler.Compile(bytes, Path.GetFileName(path));
                    results.Add(new TemplateCheckResult(path, true, []));
                }
                catch (TemplateException ex)
                {
                    results.Add(new TemplateCheckResult(path, false, ex.Problems));
                }
            }

            await output.WriteAsync(parse.GetValue(json) ? TemplateCheckResult.ToJson(results) : TemplateCheckResult.ToText(results)).ConfigureAwait(false);
            return results.All(static r => r.Ok) ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    private static Command SchemaCommand(TextWriter output, TextWriter error)
    {
        var outFile = new Option<string?>("--output", "-o") { Description = "写入文件而不是标准输出。 Write to a file instead of standard output." };
        var command = new Command("schema", "输出申报文件的 JSON Schema（由模型生成）。 Print the submission's JSON Schema, generated from the model.")
        {
            outFile,
        };
        command.SetAction(parse =>
        {
            var text = SchemaGenerator.GenerateText();
            if (parse.GetValue(outFile) is { } path)
            {
                try
                {
                    File.WriteAllText(path, text);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"无法写入 Cannot write '{path}': {ex.Message}");
                    return ExitCodes.UsageOrIo;
                }
            }
            else
            {
                output.Write(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Reads and validates a submission file and prints the report; null when the file cannot be read.</summary>
    private static async Task<SubmissionCheck?> CheckAndReportAsync(SubmissionValidator validator, string path, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SubmissionCheck check;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            check = await validator.CheckAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"无法读取文件 Cannot read '{path}': {ex.Message}").ConfigureAwait(false);
            return null;
        }

        await output.WriteAsync(json ? ReportFormatter.ToJson(check.Report, path) : ReportFormatter.ToText(check.Report, path)).ConfigureAwait(false);
        return check;
    }

    /// <summary>A validator over the frameworks of a (resolved) templates folder; null after printing why not.</summary>
    internal static SubmissionValidator? CreateValidator(string folder, TextWriter error)
    {
        try
        {
            return new SubmissionValidator(TemplateDirectory.LoadFrameworks(folder));
        }
        catch (Exception ex) when (ex is FrameworkException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"指标体系文件有误 Indicator framework problem ({folder}): {ex.Message}");
            return null;
        }
    }
}
