namespace DocGen.Rendering.Model;

public sealed record OverallGoalView(string? Subtitle, string Intro, IReadOnlyList<string> Items);
