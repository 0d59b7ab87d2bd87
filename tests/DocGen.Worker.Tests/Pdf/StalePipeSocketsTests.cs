using System.Net.Sockets;
using DocGen.Worker.Pdf;

namespace DocGen.Worker.Tests.Pdf;

public sealed class StalePipeSocketsTests
{
    [Fact]
    public void Sweep_RemovesLibreOfficeSocketsNobodyHoldsAnyMore_AndLeavesLiveOnes()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "LibreOffice's sockets in /tmp are a Linux matter");
        var tag = Guid.NewGuid().ToString("N");
        var stale = $"/tmp/OSL_PIPE_0_SingleOfficeIPC_{tag}stale";
        var staleBridge = $"/tmp/OSL_PIPE_0_docgen-{tag}";
        var live = $"/tmp/OSL_PIPE_0_SingleOfficeIPC_{tag}live";
        using (var dead = Bind(stale))
        using (var deadBridge = Bind(staleBridge))
        {
            // closed below: their files stay, as when LibreOffice is killed
        }

        using var listening = Bind(live);
        try
        {
            StalePipeSockets.Sweep();

            Assert.False(File.Exists(stale));
            Assert.False(File.Exists(staleBridge));
            Assert.True(File.Exists(live));
        }
        finally
        {
            File.Delete(live);
        }
    }

    private static Socket Bind(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();
        return socket;
    }
}
