using DocGen.Rendering.Engine;

namespace DocGen.Rendering.Model;

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
