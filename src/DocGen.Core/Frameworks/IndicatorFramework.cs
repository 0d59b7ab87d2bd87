using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocGen.Core.Frameworks;

/// <summary>
/// An indicator hierarchy (一级 → allowed 二级, canonical order, required and recommended
/// categories), loaded from a data file shipped beside the templates (SPEC §5) so that an admin
/// can follow a new Ministry of Finance notice without a release.
/// </summary>
public sealed record IndicatorFramework
{
    /// <summary>The value of <c>framework</c> in a submission, e.g. <c>legacy</c>.</summary>
    public required string Name { get; init; }

    public string? Title { get; init; }

    /// <summary>一级指标 in canonical order.</summary>
    public required IReadOnlyList<Level1Category> Level1 { get; init; }

    /// <summary>Finds a 一级指标 by name or alias.</summary>
    public Level1Category? FindLevel1(string? name)
        => name is null ? null : Level1.FirstOrDefault(l => l.Matches(name));

    /// <summary>Sort key of an indicator: (一级 index, 二级 index); unknown names sort last.</summary>
    public (int Level1, int Level2) OrderOf(string? level1, string? level2)
    {
        for (var i = 0; i < Level1.Count; i++)
        {
            if (Level1[i].Matches(level1))
            {
                var l2 = Level1[i].IndexOfLevel2(level2);
                return (i, l2 < 0 ? int.MaxValue : l2);
            }
        }

        return (int.MaxValue, int.MaxValue);
    }
}

public sealed record Level1Category
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>At least one indicator must sit here (V14).</summary>
    public bool Required { get; init; }

    /// <summary>A warning when no indicator sits here (V15).</summary>
    public bool Recommended { get; init; }

    /// <summary>A cost category: a lower-bound comparator is suspicious (V21).</summary>
    public bool Cost { get; init; }

    /// <summary>A satisfaction category: a target under 80% is suspicious (V20).</summary>
    public bool Satisfaction { get; init; }

    /// <summary>二级指标 in canonical order.</summary>
    public required IReadOnlyList<Level2Category> Level2 { get; init; }

    public bool Matches(string? name) => name is not null && (Name == name || Aliases.Contains(name));

    public Level2Category? FindLevel2(string? name) => Level2.FirstOrDefault(l => l.Matches(name));

    public int IndexOfLevel2(string? name)
    {
        for (var i = 0; i < Level2.Count; i++)
        {
            if (Level2[i].Matches(name))
            {
                return i;
            }
        }

        return -1;
    }
}

public sealed record Level2Category
{
    public required string Name { get; init; }

    /// <summary>Older names still accepted (e.g. 环境效益指标 for 生态效益指标).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>A warning when a project has no indicator here (V15).</summary>
    public bool Recommended { get; init; }

    /// <summary>A cost category (V21).</summary>
    public bool Cost { get; init; }

    public bool Matches(string? name) => name is not null && (Name == name || Aliases.Contains(name));
}

/// <summary>A framework file that cannot be used; lists every problem found in it.</summary>
public sealed class FrameworkException(string source, IReadOnlyList<string> problems)
    : Exception($"Indicator framework '{source}' is invalid: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

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

/// <summary>The frameworks a submission may name, by <see cref="IndicatorFramework.Name"/>.</summary>
public sealed class FrameworkCatalog
{
    public const string DefaultName = "legacy";

    private readonly Dictionary<string, IndicatorFramework> _byName;

    public FrameworkCatalog(IEnumerable<IndicatorFramework> frameworks)
    {
        _byName = [];
        foreach (var f in frameworks)
        {
            if (!_byName.TryAdd(f.Name, f))
            {
                throw new FrameworkException(f.Name, [$"two framework files are named '{f.Name}'"]);
            }
        }

        if (!_byName.ContainsKey(DefaultName))
        {
            throw new FrameworkException(DefaultName, [$"the default framework '{DefaultName}' is missing"]);
        }
    }

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public IndicatorFramework? Find(string? name) => _byName.GetValueOrDefault(name ?? DefaultName);
}
