namespace DocGen.Core.Frameworks;

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

    public Level2Category? FindLevel2(string? name)
    {
        for (var i = 0; i < Level2.Count; i++) // an index, not foreach: no enumerator boxed per indicator
        {
            if (Level2[i].Matches(name))
            {
                return Level2[i];
            }
        }

        return null;
    }

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
