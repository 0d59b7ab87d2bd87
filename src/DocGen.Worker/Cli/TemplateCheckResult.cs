using System.Text;
using System.Text.Json;
using DocGen.Core.Json;
using DocGen.Rendering.Compilation;

namespace DocGen.Worker.Cli;

/// <summary>The outcome of <c>docgen check-template</c> for one file.</summary>
internal sealed record TemplateCheckResult(string Template, bool Ok, IReadOnlyList<TemplateProblem> Problems)
{
    public static string ToText(IEnumerable<TemplateCheckResult> results)
    {
        var sb = new StringBuilder();
        foreach (var result in results)
        {
            sb.Append("模板 Template: ").Append(result.Template).Append('\n');
            if (result.Ok)
            {
                sb.Append("结果：没有问题。 Result: no problems.\n\n");
                continue;
            }

            sb.Append("结果：").Append(result.Problems.Count).Append(" 个问题。 Result: ").Append(result.Problems.Count).Append(" problem(s).\n");
            var n = 0;
            foreach (var problem in result.Problems)
            {
                sb.Append('\n').Append(++n).Append(". [").Append(problem.Code).Append("] ")
                    .Append(problem.Location?.Describe() ?? "").Append("\n   ")
                    .Append(problem.Message).Append("\n   ").Append(problem.MessageEn).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string ToJson(IEnumerable<TemplateCheckResult> results) => JsonSerializer.Serialize(results, OutputJson.Options) + "\n";
}
