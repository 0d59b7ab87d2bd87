namespace DocGen.Rendering.Model;

/// <summary>
/// What a template sees: a validated submission with defaults applied, items stripped of their
/// own numbers and indicators in framework order. Templates address members in camelCase
/// (<c>{{projectName}}</c>); Handlebars binds them to these properties.
/// </summary>
public sealed record DocumentModel
{
    public required string Kind { get; init; }

    /// <summary>第一部分 is present (departmentOverall or combined).</summary>
    public bool HasPart1 { get; init; }

    /// <summary>第二部分 is present (projectGoalTable or combined).</summary>
    public bool HasPart2 { get; init; }

    /// <summary>Both parts: the part titles 第一部分 / 第二部分 are printed.</summary>
    public bool Combined { get; init; }

    public int FiscalYear { get; init; }

    public required UnitView Unit { get; init; }

    public string AmountUnit { get; init; } = "元";

    public OverallGoalView? OverallGoal { get; init; }

    public ItemizedGoalsView? ItemizedGoals { get; init; }

    public SafeguardsView? Safeguards { get; init; }

    public IReadOnlyList<ProjectView> Projects { get; init; } = [];
}
