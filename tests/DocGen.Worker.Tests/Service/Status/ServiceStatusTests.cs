using DocGen.Worker.Service.Status;
using Microsoft.Extensions.Time.Testing;
using DocGen.Core.Rules;

namespace DocGen.Worker.Tests.Service.Status;

public sealed class ServiceStatusTests
{
    [Fact]
    public void AListenerThatThrows_DoesNotUndoTheOutcome_NorStopTheOthers()
    {
        var status = new ServiceStatus(new FakeTimeProvider());
        var heard = 0;
        status.Ended += static (_, _) => throw new InvalidOperationException("a broken exporter");
        status.Ended += (_, _) => heard++;

        status.Published("seed.json", "out/seed.docx", TimeSpan.FromMilliseconds(5));
        status.Rejected("link.json", unread: true, "failed/link.errors.txt", [RuleCodes.D10], "report", TimeSpan.FromMilliseconds(1));

        Assert.Equal(2, heard);
        Assert.Equal([SubmissionEnd.Refused, SubmissionEnd.Published], status.Latest.Select(static s => s.End));
        Assert.Equal(1, status.Submissions[(SubmissionEnd.Refused, "json")]);
    }
}
