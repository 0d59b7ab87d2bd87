using System.Globalization;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// What reading one workbook may still spend, counted as it goes: the bytes its parts inflate to
/// (a zip's stated sizes can lie, the inflated bytes cannot) and the characters of text kept.
/// </summary>
internal sealed class ReadBudget(WorkbookLimits limits)
{
    private long _bytesLeft = limits.MaxUncompressedBytes;
    private long _textLeft = limits.MaxTextCharacters;

    public WorkbookLimits Limits { get; } = limits;

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

    public void SpendText(int characters)
    {
        _textLeft -= characters;
        if (_textLeft < 0)
        {
            throw new WorkbookLimitException(WorkbookIssues.TooBig(
                string.Create(CultureInfo.InvariantCulture, $"文字总量超过 {Limits.MaxTextCharacters:N0} 个字符"),
                string.Create(CultureInfo.InvariantCulture, $"over {Limits.MaxTextCharacters:N0} characters of text in all")));
        }
    }
}
