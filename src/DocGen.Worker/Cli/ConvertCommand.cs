using System.CommandLine;
using DocGen.Workbooks;
using DocGen.Worker.IO;

namespace DocGen.Worker.Cli;

/// <summary><c>docgen convert</c>: a filled workbook to its JSON submission, with the report (each issue at its sheet and cell).</summary>
internal static class ConvertCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "填好的 Excel 申报表（.xlsx）。 The filled workbook (.xlsx)." };
        var outFile = new Option<string?>("--output", "-o") { Description = "输出的 JSON 文件（默认：与输入同名的 .json）。 The JSON file to write (default: the input's name with .json)." };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出校验报告。 Print the validation report as JSON." };
        var command = new Command("convert", "把填好的 Excel 申报表转换为 JSON 申报文件，并列出全部错误和警告（指明工作表和单元格）。工作簿能读取就写出 JSON，即使内容有错。 Convert a filled workbook to its JSON submission, with the report; the JSON is written whenever the workbook can be read.")
        {
            file,
            outFile,
            json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var pipeline = context.CreatePipeline(context.TemplatesFolder(parse));
            var check = pipeline is null ? null : await context.CheckAndReportAsync(pipeline, path, parse.GetValue(json), cancellationToken).ConfigureAwait(false);
            if (check is null)
            {
                return ExitCodes.UsageOrIo;
            }

            if (!WorkbookConverter.IsWorkbookName(path) || check.Converted is not { } converted)
            {
                await context.Error.WriteLineAsync(WorkbookConverter.IsWorkbookName(path)
                    ? "工作簿无法读取，未生成 JSON（见上面的报告）。 The workbook cannot be read; no JSON was written (see the report above)."
                    : "convert 只接受 Excel 工作簿（.xlsx）。 convert takes an Excel workbook (.xlsx).").ConfigureAwait(false);
                return WorkbookConverter.IsWorkbookName(path) ? ExitCodes.Invalid : ExitCodes.UsageOrIo;
            }

            var target = parse.GetValue(outFile) ?? Path.ChangeExtension(path, ".json");
            try
            {
                await AtomicFile.WriteAsync(target, converted, overwrite: true, flushToDisk: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"无法写入 Cannot write '{target}': {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            await context.Output.WriteLineAsync($"已生成 Written: {target}").ConfigureAwait(false);
            return check.IsValid ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }
}
