using System.CommandLine;

namespace DocGen.Worker.Cli;

/// <summary>
/// The <c>docgen</c> command line: <c>run</c> (the inbox service), <c>validate</c>, <c>render</c>,
/// <c>workbook</c>, <c>convert</c>, <c>check-template</c> and <c>schema</c>, one file each in this folder.
/// </summary>
public static class DocGenCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Build(new CliContext(output, error));
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

    private static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(
            "DocGen：把申报文件（JSON 或 Excel 工作簿）生成为部门整体绩效目标、预算项目绩效目标表 Word 文档。\n" +
            "DocGen turns submissions (JSON or Excel workbooks) into official Word documents (部门整体绩效目标, 预算项目绩效目标表).\n" +
            "退出码 Exit codes: 0 = 通过 valid/done, 1 = 未通过 invalid, 2 = 用法或读写错误 usage or I/O error.")
        {
            context.TemplatesOption,
        };
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(RenderCommand.Create(context));
        root.Subcommands.Add(WorkbookCommand.Create(context));
        root.Subcommands.Add(ConvertCommand.Create(context));
        root.Subcommands.Add(CheckTemplateCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        return root;
    }
}
