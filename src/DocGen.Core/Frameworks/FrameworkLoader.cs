using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocGen.Core.Frameworks;

/// <summary>Reads and checks framework data files (<c>templates/frameworks/*.framework.json</c>).</summary>
public static class FrameworkLoader
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Parses one framework file; <paramref name="source"/> names it in errors.</summary>
    public static IndicatorFramework Load(ReadOnlySpan<byte> utf8Json, string source)
    {
        IndicatorFramework? framework;
        try
        {
            framework = JsonSerializer.Deserialize<IndicatorFramework>(utf8Json, s_options);
        }
        catch (JsonException ex)
        {
            throw new FrameworkException(source, [$"line {(ex.LineNumber ?? 0) + 1}: {ex.Message}"]);
        }

        if (framework is null)
        {
            throw new FrameworkException(source, ["the file holds null"]);
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(framework.Name))
        {
            problems.Add("name is empty");
        }

        if (framework.Level1.Count == 0)
        {
            problems.Add("level1 is empty");
        }

        var seen1 = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l1 in framework.Level1)
        {
            foreach (var n in l1.Aliases.Prepend(l1.Name))
            {
                if (!seen1.Add(n))
                {
                    problems.Add($"level1 name '{n}' appears twice");
                }
            }

            if (l1.Level2.Count == 0)
            {
                problems.Add($"level1 '{l1.Name}' has no level2");
            }

            var seen2 = new HashSet<string>(StringComparer.Ordinal);
            foreach (var n in l1.Level2.SelectMany(l2 => l2.Aliases.Prepend(l2.Name)))
            {
                if (!seen2.Add(n))
                {
                    problems.Add($"level2 name '{n}' appears twice under '{l1.Name}'");
                }
            }
        }

        return problems.Count == 0 ? framework : throw new FrameworkException(source, problems);
    }
}
