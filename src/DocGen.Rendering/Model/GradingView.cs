namespace DocGen.Rendering.Model;

public sealed record GradingView(decimal Excellent, decimal Good, decimal Fair, string? VerbatimText);
