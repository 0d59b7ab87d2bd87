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

    /// <summary>
    /// The 计量单位 a workbook offers in its drop-down (others may still be typed, with a warning):
    /// kept in the framework file so that an admin adds the units an office uses without a release.
    /// Null: the workbook's built-in list.
    /// </summary>
    public IReadOnlyList<string>? Units { get; init; }

    /// <summary>一级指标 in canonical order.</summary>
    public required IReadOnlyList<Level1Category> Level1 { get; init; }

    /// <summary>Finds a 一级指标 by name or alias.</summary>
    public Level1Category? FindLevel1(string? name)
    {
        for (var i = 0; i < Level1.Count; i++) // an index, not foreach: no enumerator boxed per indicator
        {
            if (Level1[i].Matches(name))
            {
                return Level1[i];
            }
        }

        return null;
    }

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
