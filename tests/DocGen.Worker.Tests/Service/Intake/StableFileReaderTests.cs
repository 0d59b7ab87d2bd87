using DocGen.Worker.Tests.Service;

namespace DocGen.Worker.Tests.Service.Intake;

public sealed class StableFileReaderTests
{
    [Fact]
    public void FileJustWritten_HasSettledOnlyAfterStableForWithoutChange()
    {
        using var rooms = new Rooms(static o => o.StableFor = TimeSpan.FromSeconds(1));
        var reader = rooms.Reader();
        var path = rooms.Drop("a.json", "{\"kind\":");

        Assert.False(reader.HasSettled(reader.TryRead(path)!));
        rooms.Clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.False(reader.HasSettled(reader.TryRead(path)!));
        rooms.Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(reader.HasSettled(reader.TryRead(path)!));
    }

    [Fact]
    public void FileThatChanges_StartsItsWaitAgain()
    {
        using var rooms = new Rooms(static o => o.StableFor = TimeSpan.FromSeconds(1));
        var reader = rooms.Reader();
        var path = rooms.Drop("a.json", "{\"kind\":");
        Assert.False(reader.HasSettled(reader.TryRead(path)!));

        rooms.Clock.Advance(TimeSpan.FromMilliseconds(900));
        File.AppendAllText(path, " \"combined\"");
        Assert.False(reader.HasSettled(reader.TryRead(path)!));
        rooms.Clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(reader.HasSettled(reader.TryRead(path)!));
        rooms.Clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(reader.HasSettled(reader.TryRead(path)!));
    }

    [Fact]
    public void MissingFile_ReadsAsNull()
    {
        using var rooms = new Rooms();

        Assert.Null(rooms.Reader().TryRead(Path.Combine(rooms.Folders.Inbox, "none.json")));
    }

    [Fact]
    public async Task ClaimedFileStillGrowing_IsReadAgain_UntilItIsComplete()
    {
        using var rooms = new Rooms(static o => { o.ParseRetries = 3; o.ParseRetryDelay = TimeSpan.FromSeconds(1); });
        var reader = rooms.Reader();
        var path = rooms.Drop("a.json", "{\"a\":");

        var reading = reader.ReadSettledAsync(path, static f => f.Bytes!.Length, static n => n < 10, TestContext.Current.CancellationToken);
        Assert.False(reading.IsCompleted);
        File.AppendAllText(path, " \"complete\" }");
        rooms.Clock.Advance(TimeSpan.FromSeconds(1));
        var (snapshot, length) = await reading;

        Assert.Equal(File.ReadAllBytes(path).Length, length);
        Assert.Equal(FileLength(path), snapshot.Stamp.Length);
    }

    [Fact]
    public async Task ClaimedFileThatStaysBroken_IsGivenUpAfterTheRetries()
    {
        using var rooms = new Rooms(static o => { o.ParseRetries = 2; o.ParseRetryDelay = TimeSpan.FromSeconds(1); });
        var path = rooms.Drop("a.json", "{\"a\":");

        var reading = rooms.Reader().ReadSettledAsync(path, static f => f.Bytes!.Length, static _ => true, TestContext.Current.CancellationToken);
        await ServiceSandbox.Eventually(() => reading.IsCompleted, "the retries to end", eachLook: () => rooms.Clock.Advance(TimeSpan.FromSeconds(1)));

        var (_, length) = await reading;
        Assert.Equal(5, length);
    }

    private static long FileLength(string path) => new FileInfo(path).Length;
}
