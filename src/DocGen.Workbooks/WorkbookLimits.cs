namespace DocGen.Workbooks;

/// <summary>
/// Bounds on a workbook submission, so that a hostile or broken one (a zip bomb, a million rows,
/// runs nested a hundred thousand deep, one cell merged down ten thousand rows) is refused with a
/// clear report (X4, or X10 for the time) instead of exhausting memory, time or the stack. A
/// workbook is bounded by what it expands to, not by what it stores: every bound is counted while
/// the parts are streamed, before what it limits is kept. Far above a real 申报表: the seed's
/// workbook is 12 KB with 30 rows.
/// </summary>
public sealed record WorkbookLimits
{
    public static WorkbookLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    public int MaxEntries { get; init; } = 1000;

    /// <summary>All parts together, uncompressed: counted as they are inflated, not taken from the zip's own (forgeable) sizes.</summary>
    public long MaxUncompressedBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Uncompressed / compressed for a part over 1 MB: XML compresses 10–20 times, a bomb thousands of times.</summary>
    public long MaxRatio { get; init; } = 200;

    /// <summary>Bytes of one part, inflated.</summary>
    public long MaxPartBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>XML elements nested in one another: Excel writes 7 levels in a sheet (worksheet, sheetData, row, c, is, r, t).</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>
    /// Attributes of one XML element, namespace declarations included: Excel, WPS and LibreOffice
    /// write at most a few dozen (a sheet's root, <c>pageSetup</c>). Counted before the XML parser
    /// sees the tag: it reads all of a tag's attributes at once, in time that grows faster than their number.
    /// </summary>
    public int MaxAttributesPerElement { get; init; } = 1_000;

    /// <summary>Namespace declarations (<c>xmlns</c>, <c>xmlns:x</c>) on one XML element: Excel declares up to about ten on a part's root, LibreOffice fewer.</summary>
    public int MaxNamespaceDeclarationsPerElement { get; init; } = 100;

    /// <summary>Rows with content in one sheet.</summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>Cells in one row, filled or not: Excel's own column count (A to XFD).</summary>
    public int MaxCellsPerRow { get; init; } = 16_384;

    /// <summary>Cells in one sheet, filled or not.</summary>
    public int MaxCellsPerSheet { get; init; } = 1_000_000;

    /// <summary>Cells with content in the whole workbook.</summary>
    public int MaxCells { get; init; } = 300_000;

    /// <summary>Characters in one cell or one shared string: Excel's own limit.</summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>
    /// Characters of all the text kept, counted as it expands: the shared-string table once, then
    /// each cell's text in each cell that shows it (a shared string each time a cell refers to it, a
    /// merged range's text in each of its cells). 4 Mi characters are 8 MB of strings, and at most
    /// 12 MB of UTF-8 in the converted JSON, under the 16 MiB a JSON submission may have.
    /// </summary>
    public long MaxTextCharacters { get; init; } = 4L * 1024 * 1024;

    /// <summary>
    /// Time to read a workbook into its submission (X10 past it), on the clock passed to the
    /// converter. Checked for every block of a part's text (a few thousand characters), every 256
    /// XML nodes and every row turned into JSON, whose work between two checks is bounded by the
    /// other limits: overrun by a fraction of a second at most. Validation (a 13 MB converted JSON:
    /// 0.2 s) and rendering follow within the 10 s a file may take.
    /// </summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(5);
}
