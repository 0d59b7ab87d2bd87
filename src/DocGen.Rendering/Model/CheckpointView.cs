namespace DocGen.Rendering.Model;

public sealed record CheckpointView(string Label, decimal CumulativePercent);
