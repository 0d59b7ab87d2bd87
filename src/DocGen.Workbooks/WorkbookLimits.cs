namespace DocGen.Workbooks;

/// <summary>
/// Bounds on a workbook submission, so that a hostile or broken one (a zip bomb, a million rows)
/// is refused with a clear report (X4) instead of exhausting memory or time. Far above a real
/// 申报表: the seed's workbook is 12 KB with 30 rows.
/// </summary>
public sealed record WorkbookLimits
{
    public static WorkbookLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    public int MaxEntries { get; init; } = 1000;

    /// <summary>All parts together, uncompressed.</summary>
    public long MaxUncompressedBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Uncompressed / compressed for a part over 1 MB: XML compresses 10–20 times, a bomb thousands of times.</summary>
    public long MaxRatio { get; init; } = 200;

    /// <summary>Rows with content in one sheet.</summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>Cells with content in the whole workbook.</summary>
    public int MaxCells { get; init; } = 300_000;

    /// <summary>Characters of one part (the Open XML SDK stops reading past it).</summary>
    public long MaxCharactersInPart { get; init; } = 64L * 1024 * 1024;
}
