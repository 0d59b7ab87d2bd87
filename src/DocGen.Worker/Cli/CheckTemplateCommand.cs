using System.CommandLine;
using DocGen.Core.Frameworks;
using DocGen.Rendering.Compilation;

namespace DocGen.Worker.Cli;

/// <summary><c>docgen check-template</c>: every problem of a template (or of all in the folder), with where it is.</summary>
internal static class CheckTemplateCommand
{
    public static Command Create(CliContext context)
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
            var folder = context.TemplatesFolder(parse);
            var files = parse.GetValue(file) is { } one
                ? [one]
                : Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.docx").Where(static f => !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList() : [];
            if (files.Count == 0)
            {
                await context.Error.WriteLineAsync($"没有找到模板 No templates found in '{folder}'.").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            var (level1, level2) = FrameworkNames(folder);
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
                    await context.Error.WriteLineAsync($"无法读取模板 Cannot read '{path}': {ex.Message}").ConfigureAwait(false);
                    return ExitCodes.UsageOrIo;
                }

                var result = TemplateCompiler.Check(bytes, Path.GetFileName(path)) with { Template = path };
                results.Add(result.Ok ? result with { Warnings = LabelFitCheck.Check(bytes, level1, level2) } : result);
            }

            await context.Output.WriteAsync(parse.GetValue(json) ? TemplateProblemFormatter.ToJson(results) : TemplateProblemFormatter.ToText(results)).ConfigureAwait(false);
            return results.All(static r => r.Ok) ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    /// <summary>Every 一级 and 二级 name of the frameworks beside the templates: what the table's name columns will hold.</summary>
    private static (IReadOnlyList<string> Level1, IReadOnlyList<string> Level2) FrameworkNames(string templatesFolder)
    {
        try
        {
            var frameworks = FrameworkCatalog.LoadFolder(templatesFolder);
            return (frameworks.Level1Names, frameworks.Level2Names);
        }
        catch (Exception ex) when (ex is FrameworkException or IOException or UnauthorizedAccessException)
        {
            return ([], []); // the frameworks' own problems are reported where they are loaded
        }
    }
}
