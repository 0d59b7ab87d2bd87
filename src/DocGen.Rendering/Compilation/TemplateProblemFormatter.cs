using System.Text;
using System.Text.Json;
using DocGen.Core.Json;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Writes template problems for admins (Chinese first, English beside it, each with where it is)
/// and for programs (JSON): the one format of <c>docgen check-template</c>, <c>docgen render</c>
/// and the service's <c>&lt;template&gt;.errors.txt</c>.
/// </summary>
public static class TemplateProblemFormatter
{
    public static string ToText(IEnumerable<TemplateCheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        foreach (var result in results)
        {
            Append(sb, result);
        }

        return sb.ToString();
    }

    public static string ToText(TemplateCheckResult result) => Append(new StringBuilder(), result).ToString();

    public static string ToJson(IEnumerable<TemplateCheckResult> results) => JsonSerializer.Serialize(results, OutputJson.Options) + "\n";

    private static StringBuilder Append(StringBuilder sb, TemplateCheckResult result)
    {
        sb.Append("模板 Template: ").Append(result.Template).Append('\n');
        if (result.Ok)
        {
            sb.Append(result.Warnings.Count == 0 ? "结果：没有问题。 Result: no problems.\n"
                : $"结果：可以使用，有 {result.Warnings.Count} 条警告。 Result: usable, {result.Warnings.Count} warning(s).\n");
        }
        else
        {
            sb.Append("结果：").Append(result.Problems.Count).Append(" 个问题。 Result: ").Append(result.Problems.Count).Append(" problem(s).\n");
        }

        var n = 0;
        foreach (var (problem, warning) in result.Problems.Select(static p => (p, false)).Concat(result.Warnings.Select(static w => (w, true))))
        {
            sb.Append('\n').Append(++n).Append(". [").Append(problem.Code).Append("] ").Append(warning ? "警告 Warning — " : "")
                .Append(problem.Location?.Describe() ?? "").Append("\n   ")
                .Append(problem.Message).Append("\n   ").Append(problem.MessageEn).Append('\n');
        }

        return sb.Append('\n');
    }
}
