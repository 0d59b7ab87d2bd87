using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Workbooks.Writing;
using DocGen.Worker.IO;

namespace DocGen.Worker.Cli;

/// <summary><c>docgen workbook</c>: the Excel workbook a clerk fills, blank or prefilled from a submission (also one with errors).</summary>
internal static class WorkbookCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("file") { Description = "用来预先填好的 JSON 申报文件（可省略：空白申报表；有内容错误也可以）。 A JSON submission to prefill from (optional; content errors are fine).", Arity = ArgumentArity.ZeroOrOne };
        var outFile = new Option<string?>("--output", "-o") { Description = "输出的工作簿（默认：知道单位和年度时为“单位简称-年度-申报表.xlsx”，否则与输入同名的 .xlsx，或 申报表.xlsx；非默认指标体系时名称后加指标体系名）。 The workbook to write (default: named by the unit and year when known)." };
        var framework = new Option<string?>("--framework") { Description = "工作簿使用的指标体系（如 mof2021；默认：JSON 中的指标体系，否则 legacy）。下拉列表和“指标体系”一栏都按它生成。 The indicator framework the workbook is laid out for (default: the JSON's, else the default one)." };
        var command = new Command("workbook", "生成 Excel 申报表（.xlsx）：带填写说明、下拉列表（一级、二级指标等）和格式，可在 Excel、WPS 或 LibreOffice 中填写后放入收件箱。每个工作簿按一个指标体系生成。 Write the Excel workbook a clerk fills, blank or prefilled, for one indicator framework.")
        {
            file,
            outFile,
            framework,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = parse.GetValue(file);
            var pipeline = context.CreatePipeline(context.TemplatesFolder(parse));
            if (pipeline is null)
            {
                return ExitCodes.UsageOrIo;
            }

            JsonObject? submission = null;
            if (input is not null)
            {
                if (await context.ReadInputAsync(input, pipeline.Validator.Limits.MaxFileBytes).ConfigureAwait(false) is not { } bytes)
                {
                    return ExitCodes.UsageOrIo;
                }

                try
                {
                    submission = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                        ?? throw new JsonException("not a JSON object");
                }
                catch (JsonException)
                {
                    // Unreadable JSON cannot be laid out in cells: the report says where it breaks.
                    await context.CheckAndReportAsync(pipeline, input, json: false, cancellationToken).ConfigureAwait(false);
                    await context.Error.WriteLineAsync("JSON 无法读取，未生成工作簿；请先改正上面的语法错误。 The JSON cannot be read; fix the syntax errors above first.").ConfigureAwait(false);
                    return ExitCodes.Invalid;
                }
            }

            var frameworks = pipeline.Validator.Frameworks;
            if (parse.GetValue(framework) is { } requested && frameworks.Find(requested) is null)
            {
                await context.Error.WriteLineAsync($"没有名为“{requested}”的指标体系；可用：{string.Join("、", frameworks.Names)}。 No indicator framework is named '{requested}'.").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            var laidOut = WorkbookWriter.FrameworkFor(submission, frameworks, parse.GetValue(framework));
            if (WorkbookWriter.FrameworkFor(submission, frameworks) is var named && named.Name != laidOut.Name && submission?["framework"] is not null)
            {
                await context.Error.WriteLineAsync($"注意：JSON 中的指标体系是“{named.Name}”，工作簿按 --framework 指定的“{laidOut.Name}”生成，“指标体系”一栏也是它。 Note: the JSON names '{named.Name}'; the workbook is laid out for '{laidOut.Name}'.").ConfigureAwait(false);
            }

            // A name asked for (-o) is written over; a name DocGen chose is never: two submissions of one unit and year would otherwise overwrite each other's workbook.
            var asked = parse.GetValue(outFile);
            var target = asked ?? Path.Combine(input is null ? "" : Path.GetDirectoryName(input) ?? "", WorkbookFileName.For(submission, laidOut, input));
            try
            {
                await AtomicFile.WriteAsync(target, WorkbookWriter.Write(submission, frameworks, laidOut.Name), overwrite: asked is not null, flushToDisk: true, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex) when (asked is null && File.Exists(target))
            {
                await context.Error.WriteLineAsync($"“{target}”已存在，未覆盖；请用 -o 指定文件名。 '{target}' exists and is not overwritten: name the workbook with -o. ({ex.Message})").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"无法写入 Cannot write '{target}': {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            await context.Output.WriteLineAsync($"已生成（指标体系：{laidOut.Title ?? laidOut.Name}） Written for the framework '{laidOut.Name}': {target}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
