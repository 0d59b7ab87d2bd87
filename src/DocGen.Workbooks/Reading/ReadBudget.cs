using System.Globalization;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// What reading one workbook may still spend, counted as it goes: the bytes its parts inflate to
/// (a zip's stated sizes can lie, the inflated bytes cannot), the characters of text it expands
/// to, and the time since it started (on the converter's clock, so a test can make it run out).
/// </summary>
internal sealed class ReadBudget(WorkbookLimits limits, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _bytesLeft = limits.MaxUncompressedBytes;
    private long _textLeft = limits.MaxTextCharacters;

    public WorkbookLimits Limits { get; } = limits;

    /// <summary>Whether reading has taken longer than <see cref="WorkbookLimits.MaxReadTime"/>: one clock reading, cheap enough for every few thousand characters.</summary>
    public bool IsOverTime => time.GetElapsedTime(_started) > Limits.MaxReadTime;

    /// <summary>What the text limit says, after what crossed it: counted as text expands, so a 14 KB workbook may cross it.</summary>
    public (string What, string WhatEn) OverText(string what, string whatEn)
        => (string.Create(CultureInfo.InvariantCulture, $"{what}文字总量超过 {Limits.MaxTextCharacters:N0} 个字符（共享字符串每引用一次、合并区域的每个单元格都计入）"),
            string.Create(CultureInfo.InvariantCulture, $"{whatEn}over {Limits.MaxTextCharacters:N0} characters of text in all (a shared string counts each time a cell refers to it, a merged range's text in each of its cells)"));

    public void SpendBytes(int count)
    {
        _bytesLeft -= count;
        if (_bytesLeft < 0)
        {
            throw new WorkbookLimitException(WorkbookIssues.TooBig(
                string.Create(CultureInfo.InvariantCulture, $"解压后超过 {Limits.MaxUncompressedBytes / 1048576} MB"),
                string.Create(CultureInfo.InvariantCulture, $"over {Limits.MaxUncompressedBytes / 1048576} MB uncompressed")));
        }
    }

    /// <summary>Spends characters of text kept; false when they are over the limit (the caller refuses, naming where).</summary>
    public bool TrySpendText(long characters)
    {
        _textLeft -= characters;
        return _textLeft >= 0;
    }
}
