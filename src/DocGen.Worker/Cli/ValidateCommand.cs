using System.CommandLine;

namespace DocGen.Worker.Cli;

/// <summary><c>docgen validate</c>: every error and warning of a submission.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "要校验的申报文件（JSON 或 Excel 工作簿 .xlsx）。 The submission to check (JSON or an .xlsx workbook)." };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出报告（供程序读取）。 Print the report as JSON, for programs." };
        var command = new Command("validate", "校验申报文件：列出全部错误和警告（中文，附 JSON 路径和规则编号）。 Validate a submission: every error and warning, with JSON paths and rule codes.")
        {
            file,
            json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pipeline = context.CreatePipeline(context.TemplatesFolder(parse));
            var check = pipeline is null ? null : await context.CheckAndReportAsync(pipeline, parse.GetValue(file)!, parse.GetValue(json), cancellationToken).ConfigureAwait(false);
            return check is null ? ExitCodes.UsageOrIo : check.IsValid ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }
}
