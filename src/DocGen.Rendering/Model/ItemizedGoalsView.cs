namespace DocGen.Rendering.Model;

public sealed record ItemizedGoalsView(
    string? Subtitle,
    string MainDuties,
    string DutyGoals,
    string PerformanceGoals,
    IReadOnlyList<string> IndicatorNames,
    GradingView Grading);
