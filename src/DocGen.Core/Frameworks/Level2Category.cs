namespace DocGen.Core.Frameworks;

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
