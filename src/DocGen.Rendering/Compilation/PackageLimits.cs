namespace DocGen.Rendering.Compilation;

/// <summary>
/// Bounds on a template package, so that a hostile or broken template (a zip bomb, a part nested
/// a hundred thousand deep) is reported (T10) instead of exhausting memory or time. Far above what
/// Word, WPS or LibreOffice write for a real template (the shipped one: 9 entries, 60 KB, depth 12).
/// </summary>
internal static class PackageLimits
{
    public const long MaxFileBytes = 64L * 1024 * 1024;
    public const int MaxEntries = 1000;
    public const long MaxEntryBytes = 64L * 1024 * 1024;
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Uncompressed / compressed: XML compresses 10–20 times; a bomb thousands of times.</summary>
    public const long MaxRatio = 200;

    /// <summary>The ratio is judged only above this size (tiny entries compress oddly).</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    public const int MaxXmlDepth = 256;
    public const int MaxXmlElements = 2_000_000;
    public const int MaxTagsPerPart = 20_000;
}
