namespace DocGen.Worker.Tests.Service.Claims;

public sealed class ClaimStoreTests
{
    [Fact]
    public void TryClaim_MovesTheFileIntoAFolderOfItsOwn_LockedByThisProcess()
    {
        using var rooms = new Rooms();
        var path = rooms.Drop("a.json", "{}");
        var store = rooms.Claims();

        using var claim = store.TryClaim(path)!;

        Assert.False(File.Exists(path));
        Assert.Equal(Path.Combine(claim.Folder, "a.json"), claim.FindInput());
        Assert.Empty(store.TakeAbandoned()); // held by us: nobody may take it over
    }

    [Fact]
    public void TryClaim_OfAFileAlreadyTaken_IsNull_AndLeavesNoFolder()
    {
        using var rooms = new Rooms();
        var store = rooms.Claims();

        Assert.Null(store.TryClaim(Path.Combine(rooms.Folders.Inbox, "gone.json")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(rooms.Folders.Processing));
    }

    [Fact]
    public void ClaimOfADeadProcess_IsTakenOver_OnceItsLockIsReleased()
    {
        using var rooms = new Rooms();
        var store = rooms.Claims();
        var claim = store.TryClaim(rooms.Drop("a.json", "{}"))!;
        claim.Dispose(); // what the operating system does when the owner dies

        using var taken = Assert.Single(store.TakeAbandoned());

        Assert.Equal(claim.Folder, taken.Folder);
        Assert.EndsWith("a.json", taken.FindInput(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClearStaged_KeepsTheInputAndTheLock_ReleaseRemovesTheEmptyClaim()
    {
        using var rooms = new Rooms();
        using var claim = rooms.Claims().TryClaim(rooms.Drop("a.json", "{}"))!;
        File.WriteAllText(claim.Staged(".docgen-result.docx"), "x");

        claim.ClearStaged();
        Assert.False(File.Exists(claim.Staged(".docgen-result.docx")));
        Assert.NotNull(claim.FindInput());

        File.Delete(claim.FindInput()!);
        claim.Release();
        Assert.False(Directory.Exists(claim.Folder));
    }
}
