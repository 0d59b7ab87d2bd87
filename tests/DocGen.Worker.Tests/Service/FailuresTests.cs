using DocGen.Worker.IO;
using DocGen.Worker.Service;

namespace DocGen.Worker.Tests.Service;

/// <summary>A failure of the environment never counts against a submission; one of the submission itself does.</summary>
public sealed class FailuresTests
{
    [Theory]
    [InlineData(Errno.EIO)]
    [InlineData(Errno.EROFS)]
    [InlineData(Errno.ENOSPC)]
    [InlineData(Errno.EDQUOT)]
    [InlineData(Errno.EACCES)] // out/ made read-only under the service
    [InlineData(Errno.EPERM)]
    [InlineData(Errno.ENOTCONN)]
    [InlineData(Errno.ETIMEDOUT)]
    [InlineData(Errno.EHOSTDOWN)]
    [InlineData(Errno.EHOSTUNREACH)]
    [InlineData(Errno.ESTALE)]
    [InlineData(Errno.ECONNRESET)]
    [InlineData(Errno.ECONNABORTED)]
    [InlineData(Errno.EMFILE)]
    [InlineData(Errno.ENFILE)]
    [InlineData(Errno.ENOMEM)]
    [InlineData(Errno.EAGAIN)]
    [InlineData(Errno.EBUSY)]
    [InlineData(unchecked((int)0x80070070))] // Windows: disk full
    [InlineData(unchecked((int)0x80070005))] // Windows: access denied
    public void IOErrorOfTheDiskShareOrMachine_IsEnvironmental(int code)
        => Assert.True(Failures.IsEnvironmental(new IOException("fault", code)));

    [Theory]
    [InlineData(Errno.EEXIST)]
    [InlineData(Errno.EINVAL)]
    [InlineData(Errno.EXDEV)]
    [InlineData(0)]
    public void OtherIOErrors_AreNot(int code)
        => Assert.False(Failures.IsEnvironmental(new IOException("fault", code)));

    [Fact]
    public void AFolderGoneOrForbidden_IsEnvironmental_AFailureOfTheFileIsNot()
    {
        Assert.True(Failures.IsEnvironmental(new DirectoryNotFoundException()));
        Assert.True(Failures.IsEnvironmental(new UnauthorizedAccessException()));
        Assert.False(Failures.IsEnvironmental(new InvalidDataException()));
        Assert.False(Failures.IsEnvironmental(new InvalidOperationException()));
        Assert.False(Failures.IsEnvironmental(new FileNotFoundException()));
    }
}
