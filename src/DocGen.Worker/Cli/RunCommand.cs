using System.CommandLine;
using DocGen.Worker.Service;

namespace DocGen.Worker.Cli;

/// <summary><c>docgen run</c>: the inbox service, with the rest of its configuration passed through to the host.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
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

            if (parse.GetValue(context.TemplatesOption) is { } templates)
            {
                configuration.Add($"--{DocGenOptions.Section}:{nameof(DocGenOptions.Templates)}={templates}");
            }

            return await ServiceHost.RunAsync([.. configuration], context.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
