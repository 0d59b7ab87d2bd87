namespace DocGen.Rendering.Model;

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
