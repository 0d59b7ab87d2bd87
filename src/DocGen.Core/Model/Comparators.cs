namespace DocGen.Core.Model;

/// <summary>The comparators of a quantitative indicator and their Chinese wording (SPEC §3).</summary>
public static class Comparators
{
    public const string GreaterOrEqual = "≥";
    public const string LessOrEqual = "≤";
    public const string EqualTo = "＝";
    public const string GreaterThan = "＞";
    public const string LessThan = "＜";

    /// <summary>Maps an accepted spelling (full-width or ASCII) to the canonical symbol; null if unknown.</summary>
    public static string? Normalize(string? comparator) => comparator?.Trim() switch
    {
        GreaterOrEqual or ">=" => GreaterOrEqual,
        LessOrEqual or "<=" => LessOrEqual,
        EqualTo or "=" => EqualTo,
        GreaterThan or ">" => GreaterThan,
        LessThan or "<" => LessThan,
        _ => null,
    };

    /// <summary>The words between the two numbers: “≥90大于或等于90%”.</summary>
    public static string Wording(string canonical) => canonical switch
    {
        GreaterOrEqual => "大于或等于",
        LessOrEqual => "小于或等于",
        EqualTo => "等于",
        GreaterThan => "大于",
        LessThan => "小于",
        _ => throw new ArgumentOutOfRangeException(nameof(canonical), canonical, "Unknown comparator."),
    };

    /// <summary>True for ≥ and ＞: “at least”, wrong for a cost ceiling (V21).</summary>
    public static bool IsLowerBound(string canonical) => canonical is GreaterOrEqual or GreaterThan;

    /// <summary>True for ≤ and ＜: “at most”.</summary>
    public static bool IsUpperBound(string canonical) => canonical is LessOrEqual or LessThan;
}
