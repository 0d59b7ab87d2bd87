using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// systemd's watchdog (<c>WatchdogSec=</c> in the unit, which sets <c>WATCHDOG_USEC</c>): pings at
/// half the interval, but only while the service makes progress or rests — the inbox's scan loop
/// completed a pass or is waiting for its next one, or a submission ended (a pass over a huge
/// inbox waits for the workers) — so a service stuck in a pass with nothing ending stops pinging
/// and systemd restarts it. Does nothing outside systemd.
/// </summary>
public sealed class Watchdog(InboxService inbox, ServiceStatus status, TimeProvider time, ISystemdNotifier? notifier = null) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (notifier is not { IsEnabled: true } || !long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromMicroseconds(usec / 2.0);
        var last = (Passes: -1L, Ended: -1L);
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var now = (inbox.Passes, status.EndedCount);
            if (now != last || inbox.IsBetweenPasses)
            {
                notifier.Notify(Ping);
                last = now;
            }
        }
    }
}
