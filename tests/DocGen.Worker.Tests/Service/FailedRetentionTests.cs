using DocGen.Worker.Service;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocGen.Worker.Tests.Service;

public sealed class FailedRetentionTests
{
    private static FailedRetention Retention(Rooms rooms) => new(rooms.Folders, Microsoft.Extensions.Options.Options.Create(rooms.Options), new(rooms.Clock), rooms.Quarantine(), rooms.Clock, NullLogger<FailedRetention>.Instance);

    /// <summary>A rejected submission as the publisher leaves it: the input and both reports, written <paramref name="age"/> before the clock's now.</summary>
    private static void Rejected(Rooms rooms, string stem, TimeSpan age, string extension = ".json")
    {
        foreach (var name in new[] { stem + extension, stem + ".errors.txt", stem + ".errors.json" })
        {
            var path = Path.Combine(rooms.Folders.Failed, name);
            File.WriteAllText(path, "{}");
            File.SetLastWriteTimeUtc(path, (rooms.Clock.GetUtcNow() - age).UtcDateTime);
        }
    }

    [Fact]
    public void RejectedSubmissionsOlderThanTheRetention_AreRemovedWhole_TheOthersKept()
    {
        using var rooms = new Rooms(static o => o.FailedRetention = TimeSpan.FromDays(30));
        Rejected(rooms, "old", TimeSpan.FromDays(31), ".xlsx");
        Rejected(rooms, "recent", TimeSpan.FromDays(29));

        Assert.Equal(1, Retention(rooms).SweepIfDue());

        Assert.Equal(["recent.errors.json", "recent.errors.txt", "recent.json"], ServiceSandbox.Names(rooms.Folders.Failed));
    }

    [Fact]
    public void BeyondTheMostKept_TheOldestGoFirst()
    {
        using var rooms = new Rooms(static o => (o.FailedMaxCount, o.FailedRetention) = (2, TimeSpan.Zero));
        for (var i = 1; i <= 4; i++)
        {
            Rejected(rooms, $"r{i}", TimeSpan.FromHours(10 - i)); // r1 the oldest
        }

        Assert.Equal(2, Retention(rooms).SweepIfDue());

        Assert.Equal(["r3.errors.json", "r3.errors.txt", "r3.json", "r4.errors.json", "r4.errors.txt", "r4.json"], ServiceSandbox.Names(rooms.Folders.Failed));
    }

    [Fact]
    public void RefusedFolderOrLink_IsRemovedItself_NeverWhatALinkPointsTo()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "links as Linux has them");
        using var rooms = new Rooms(static o => o.FailedRetention = TimeSpan.FromDays(1));
        var outside = Path.Combine(rooms.Folder, "outside.json");
        File.WriteAllText(outside, "keep");
        Rejected(rooms, "link", TimeSpan.FromDays(2));
        File.Delete(Path.Combine(rooms.Folders.Failed, "link.json"));
        File.CreateSymbolicLink(Path.Combine(rooms.Folders.Failed, "link.json"), outside);
        Rejected(rooms, "folder", TimeSpan.FromDays(2));
        File.Delete(Path.Combine(rooms.Folders.Failed, "folder.json"));
        Directory.CreateDirectory(Path.Combine(rooms.Folders.Failed, "folder.json", "inside"));

        Assert.Equal(2, Retention(rooms).SweepIfDue());

        Assert.Empty(Directory.EnumerateFileSystemEntries(rooms.Folders.Failed));
        Assert.Equal("keep", File.ReadAllText(outside));
        Assert.Single(Directory.EnumerateDirectories(rooms.Folders.Quarantine)); // the folder moved aside whole, never emptied through a link
    }

    [Fact]
    public void WithNoLimits_NothingIsRemoved()
    {
        using var rooms = new Rooms(static o => (o.FailedMaxCount, o.FailedRetention) = (0, TimeSpan.Zero));
        Rejected(rooms, "ancient", TimeSpan.FromDays(5000));

        Assert.Equal(0, Retention(rooms).SweepIfDue());
        Assert.Equal(3, ServiceSandbox.Names(rooms.Folders.Failed).Count);
    }

    [Fact]
    public void SweepAgain_WaitsForItsInterval()
    {
        using var rooms = new Rooms(static o => o.FailedRetention = TimeSpan.FromDays(1));
        var retention = Retention(rooms);
        Assert.Equal(0, retention.SweepIfDue());
        Rejected(rooms, "old", TimeSpan.FromDays(2));

        Assert.Equal(0, retention.SweepIfDue());
        rooms.Clock.Advance(FailedRetention.Interval);
        Assert.Equal(1, retention.SweepIfDue());
    }
}
