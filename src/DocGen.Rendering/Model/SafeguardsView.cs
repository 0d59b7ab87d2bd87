namespace DocGen.Rendering.Model;

public sealed record SafeguardsView(string? Subtitle, IReadOnlyList<string> Items);
