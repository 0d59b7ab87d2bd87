namespace DocGen.Core.Validation;

/// <summary>
/// Bounds on what one submission may hold, so that a hostile or broken file gets an error
/// instead of exhausting memory or time. The defaults are far above any real budget document.
/// </summary>
public sealed record SubmissionLimits
{
    public static SubmissionLimits Default { get; } = new();

    /// <summary>Largest accepted file (bytes). The seed document is about 15 KB of JSON.</summary>
    public long MaxFileBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Longest accepted string (characters): a long narrative paragraph is a few thousand.</summary>
    public int MaxStringLength { get; init; } = 20_000;

    /// <summary>Most items in one array (projects, indicators, goals…).</summary>
    public int MaxArrayLength { get; init; } = 10_000;

    /// <summary>Deepest nesting of objects and arrays; the model itself needs 4.</summary>
    public int MaxDepth { get; init; } = 16;
}
