using DocGen.Core.Model;
using DocGen.Rendering.Engine;

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

    /// <summary>Per-render bookkeeping for bookmarks and merged cells; templates never address it by hand.</summary>
    public RenderState State { get; } = new();
}

public sealed record UnitView(string Code, string Name, string ShortName);

public sealed record OverallGoalView(string? Subtitle, string Intro, IReadOnlyList<string> Items);

public sealed record ItemizedGoalsView(
    string? Subtitle,
    string MainDuties,
    string DutyGoals,
    string PerformanceGoals,
    IReadOnlyList<string> IndicatorNames,
    GradingView Grading);

public sealed record GradingView(decimal Excellent, decimal Good, decimal Fair, string? VerbatimText);

public sealed record SafeguardsView(string? Subtitle, IReadOnlyList<string> Items);

public sealed record ProjectView : IBookmarkKey
{
    public int Seq { get; init; }

    public required string ProjectCode { get; init; }

    public required string ProjectName { get; init; }

    public required BudgetView Budget { get; init; }

    public string FundPurpose { get; init; } = "";

    public IReadOnlyList<CheckpointView> SpendingPlan { get; init; } = [];

    public IReadOnlyList<string> Goals { get; init; } = [];

    public IReadOnlyList<IndicatorView> Indicators { get; init; } = [];

    /// <summary>Bookmarks in a project's part of the template are suffixed with the project code.</summary>
    public string BookmarkKey => ProjectCode;
}

public sealed record BudgetView(decimal Total, decimal Fiscal, decimal Other);

public sealed record CheckpointView(string Label, decimal CumulativePercent);

public sealed record IndicatorView
{
    public required string Level1 { get; init; }

    public required string Level2 { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>“quantitative” or “qualitative”.</summary>
    public required string Nature { get; init; }

    /// <summary>Canonical full-width comparator (≥ ≤ ＝ ＞ ＜), or null for a qualitative indicator.</summary>
    public string? Comparator { get; init; }

    public decimal? Value { get; init; }

    public string? Unit { get; init; }

    public string? ValueText { get; init; }

    public string Basis { get; init; } = "";
}
