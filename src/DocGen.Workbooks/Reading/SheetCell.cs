namespace DocGen.Workbooks.Reading;

/// <summary>
/// One cell as the clerk sees it: its text as its number format shows it (trimmed: <c>78%</c>,
/// <c>30,000.00</c>), and when it holds a number the number as an exact decimal
/// (<see cref="Number"/>: 15 significant digits, as Excel shows it, so a stored
/// 29999.999999999996 is 30000), whether it is percent-formatted, whether the format hides some of
/// its digits (<see cref="HidesDigits"/>: 0.7777 shown as 78%), and what is wrong with it if
/// anything (a formula never calculated, an error value). A date or time is its text as the cell
/// shows it (<see cref="IsDate"/>: never its serial), a boolean TRUE or FALSE (<see cref="IsBoolean"/>).
/// </summary>
internal sealed record SheetCell(string Text, string? Number = null, bool IsPercent = false, string? ErrorValue = null, bool FormulaWithoutValue = false, bool IsDate = false, bool IsBoolean = false, bool HidesDigits = false)
{
    public bool IsEmpty => Text.Length == 0 && Number is null && ErrorValue is null && !FormulaWithoutValue;

    /// <summary>
    /// A cell of a merged range other than its first: it shows the first cell's value, which keys
    /// (项目编码, 一级指标) take, but an item it would repeat (a goal, an 一是 item) is the first cell's alone.
    /// </summary>
    public bool MergedCopy { get; init; }

    /// <summary>The characters the cell keeps, spent from the text limit in every cell that shows them.</summary>
    public int Characters => Text.Length + (ErrorValue?.Length ?? 0);
}
