using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace DocGen.Worker.Tests.Service.Status;

/// <summary>
/// The watchdog as systemd sees it, through its notify protocol: a real <c>docgen run</c> started by
/// a parent named <c>systemd</c> (how .NET decides it runs under systemd) with <c>NOTIFY_SOCKET</c>
/// and <c>WATCHDOG_USEC</c> set as systemd sets them, and the datagrams read from that socket. There
/// is no systemd (PID 1) in the test machines' containers; this is the protocol, not systemd itself.
/// </summary>
public sealed class WatchdogTests
{
    [Fact]
    public async Task UnderSystemd_ItSaysReady_AndPingsWhileTheScanLoopRuns_AndSaysStopping()
    {
        await using var box = new ServiceSandbox();
        var folder = Directory.CreateDirectory(Path.Combine(box.Folder, "systemd")).FullName;
        var parent = Path.Combine(folder, "systemd"); // a shell under that name: the service's parent process is "systemd"
        File.Copy("/bin/bash", parent);
        var socketPath = Path.Combine(folder, "notify");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        var received = new ConcurrentQueue<string>();
        var listening = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (true)
            {
                int length;
                try
                {
                    length = await socket.ReceiveAsync(buffer, SocketFlags.None);
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return;
                }

                received.Enqueue(Encoding.UTF8.GetString(buffer, 0, length));
            }
        }, TestContext.Current.CancellationToken);

        // "; exit" keeps the shell from replacing itself with the service (it must stay its parent).
        using var process = box.StartProcess(
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socketPath, ["WATCHDOG_USEC"] = "1000000" },
            [parent, "-c", "\"$0\" \"$@\"; exit $?"]);
        await ServiceSandbox.Eventually(() => received.Contains("READY=1") && received.Count(static m => m == "WATCHDOG=1") >= 3,
            "READY=1, then WATCHDOG=1 every half second", 60, () => string.Join(" | ", received));

        box.Drop("seed.json", ServiceSandbox.SeedJson);
        await ServiceSandbox.Eventually(() => File.Exists(Path.Combine(box.Archive, "seed.json")), "the seed published", 60);
        var pings = received.Count(static m => m == "WATCHDOG=1");
        await ServiceSandbox.Eventually(() => received.Count(static m => m == "WATCHDOG=1") >= pings + 2, "pings go on while the loop rests between passes", 30);

        // systemd stops the service itself (its parent shell here would wait for it).
        var service = File.ReadAllText($"/proc/{process.Id}/task/{process.Id}/children").Trim();
        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", service]))
        {
            await term.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await ServiceSandbox.Eventually(() => received.Any(static m => m.StartsWith("STOPPING=1", StringComparison.Ordinal)), "STOPPING=1 on the way out", 10, () => string.Join(" | ", received));
        socket.Close();
        await listening;
    }
}
