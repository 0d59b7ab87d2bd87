using System.Globalization;

using DocGen.Core.Validation;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// A part's inflated bytes, read forward only: each byte is spent from the workbook's
/// <see cref="ReadBudget"/>, and no part may inflate past <see cref="WorkbookLimits.MaxPartBytes"/>.
/// </summary>
internal sealed class BudgetedStream(Stream inner, ReadBudget budget, string partName) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        budget.SpendBytes(read);
        _read += read;
        if (_read > budget.Limits.MaxPartBytes)
        {
            throw new WorkbookLimitException(WorkbookIssues.TooBig(
                string.Create(CultureInfo.InvariantCulture, $"部件“{Quoted.Of(partName)}”解压后超过 {budget.Limits.MaxPartBytes / 1048576} MB"),
                string.Create(CultureInfo.InvariantCulture, $"the part '{Quoted.Of(partName)}' inflates to over {budget.Limits.MaxPartBytes / 1048576} MB")));
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
