using DocGen.Core.Frameworks;
using DocGen.Core.Model;
using DocGen.Core.Validation;

namespace DocGen.Rendering.Model;

/// <summary>
/// Turns a submission typed as valid into the model templates see: defaults applied
/// (other funds 0.00, grading 90/80/70, shortName), numbering stripped from items (V26), and
/// indicators sorted in framework order (stable), ready for merging equal 一级指标 cells.
/// </summary>
public static class ModelMapper
{
    public static DocumentModel Map(ValidSubmission valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var (submission, framework, kind) = (valid.Submission, valid.Framework, valid.Kind);
        var unit = submission.Unit!; // V1
        var hasPart1 = kind is SubmissionKind.DepartmentOverall or SubmissionKind.Combined;
        var hasPart2 = kind is SubmissionKind.ProjectGoalTable or SubmissionKind.Combined;

        return new DocumentModel
        {
            Kind = kind.ToString(),
            HasPart1 = hasPart1,
            HasPart2 = hasPart2,
            Combined = kind == SubmissionKind.Combined,
            FiscalYear = submission.FiscalYear ?? 0,
            Unit = new UnitView(unit.Code ?? "", unit.Name ?? "", string.IsNullOrWhiteSpace(unit.ShortName) ? unit.Name ?? "" : unit.ShortName),
            AmountUnit = string.IsNullOrWhiteSpace(submission.AmountUnit) ? "元" : submission.AmountUnit,
            OverallGoal = hasPart1 ? MapOverallGoal(submission.OverallGoal) : null,
            ItemizedGoals = hasPart1 ? MapItemizedGoals(submission.ItemizedGoals) : null,
            Safeguards = hasPart1 ? new SafeguardsView(Blank(submission.Safeguards?.Subtitle), Items(submission.Safeguards?.Items)) : null,
            Projects = hasPart2 ? [.. (submission.Projects ?? []).Select((p, i) => MapProject(p, i, framework))] : [],
        };
    }

    private static OverallGoalView MapOverallGoal(OverallGoal? goal)
        => new(Blank(goal?.Subtitle), goal?.Intro ?? "", Items(goal?.Items));

    private static ItemizedGoalsView MapItemizedGoals(ItemizedGoals? goals)
    {
        var grading = goals?.Grading;
        return new ItemizedGoalsView(
            Blank(goals?.Subtitle),
            goals?.MainDuties ?? "",
            goals?.DutyGoals ?? "",
            goals?.PerformanceGoals ?? "",
            goals?.IndicatorNames ?? [],
            new GradingView(
                grading?.Excellent ?? Grading.DefaultExcellent,
                grading?.Good ?? Grading.DefaultGood,
                grading?.Fair ?? Grading.DefaultFair,
                Blank(grading?.VerbatimText)));
    }

    private static ProjectView MapProject(Project project, int index, IndicatorFramework framework)
    {
        var budget = project.Budget;
        return new ProjectView
        {
            Seq = project.Seq ?? index + 1,
            ProjectCode = project.ProjectCode ?? "",
            ProjectName = project.ProjectName ?? "",
            Budget = new BudgetView(budget?.Total ?? 0m, budget?.Fiscal ?? 0m, budget?.Other ?? 0m),
            FundPurpose = project.FundPurpose ?? "",
            SpendingPlan = [.. (project.SpendingPlan ?? []).Select(static c => new CheckpointView(c.Label?.Trim() ?? "", c.CumulativePercent ?? 0m))],
            Goals = Items(project.Goals),
            Indicators = [.. (project.Indicators ?? [])
                .Select(i => (Indicator: i, Order: framework.OrderOf(i.Level1, i.Level2)))
                .OrderBy(static x => x.Order.Level1)
                .ThenBy(static x => x.Order.Level2)
                .Select(static x => MapIndicator(x.Indicator))],
        };
    }

    private static IndicatorView MapIndicator(Indicator i)
    {
        var qualitative = i.Nature == IndicatorNature.Qualitative;
        return new IndicatorView
        {
            Level1 = i.Level1 ?? "",
            Level2 = i.Level2 ?? "",
            Name = i.Name ?? "",
            Description = i.Description ?? "",
            Nature = qualitative ? "qualitative" : "quantitative",
            Comparator = qualitative ? null : Comparators.Normalize(i.Comparator),
            Value = i.Value,
            Unit = i.Unit?.Trim(),
            ValueText = Blank(i.ValueText),
            Basis = i.Basis ?? "",
        };
    }

    /// <summary>Items as printed: the document numbers them, so a number typed in the data goes (V26).</summary>
    private static IReadOnlyList<string> Items(IReadOnlyList<string>? items)
        => [.. (items ?? []).Select(static s => TextRules.StripItemNumber(s))];

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
