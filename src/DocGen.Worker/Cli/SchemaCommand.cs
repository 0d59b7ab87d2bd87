using System.CommandLine;
using DocGen.Core.Json;

namespace DocGen.Worker.Cli;

/// <summary><c>docgen schema</c>: the JSON Schema of a submission, generated from the model.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var outFile = new Option<string?>("--output", "-o") { Description = "写入文件而不是标准输出。 Write to a file instead of standard output." };
        var command = new Command("schema", "输出申报文件的 JSON Schema（由模型生成）。 Print the submission's JSON Schema, generated from the model.")
        {
            outFile,
        };
        command.SetAction(parse =>
        {
            var text = SchemaGenerator.GenerateText();
            if (parse.GetValue(outFile) is not { } path)
            {
                context.Output.Write(text);
                return ExitCodes.Ok;
            }

            try
            {
                File.WriteAllText(path, text);
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"无法写入 Cannot write '{path}': {ex.Message}");
                return ExitCodes.UsageOrIo;
            }
        });
        return command;
    }
}
