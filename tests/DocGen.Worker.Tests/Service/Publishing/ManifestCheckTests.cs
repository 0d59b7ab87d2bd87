using DocGen.Worker.Service.Publishing;

namespace DocGen.Worker.Tests.Service.Publishing;

public sealed class ManifestCheckTests
{
    private static PublishManifest Manifest(params PublishMove[] moves) => new("success", "x", moves) { Claim = "c1" };

    private static (IReadOnlyList<ResolvedMove>? Moves, string? Problem) Check(Rooms rooms, PublishManifest manifest)
    {
        var claim = Path.Combine(rooms.Folders.Processing, "c1");
        return (ManifestCheck.Resolve(manifest, claim, rooms.Folders, out var problem), problem);
    }

    [Fact]
    public void MovesDocGenMakes_AreResolvedToTheirFolders()
    {
        using var rooms = new Rooms();

        var (moves, problem) = Check(rooms, Manifest(
            new(".docgen-result.docx", "out/x.docx", false),
            new(".docgen-receipt.json", "archive/x.receipt.json", true),
            new("x.json", "archive/x.json", false)));

        Assert.Null(problem);
        Assert.Equal(Path.Combine(rooms.Folders.Out, "x.docx"), moves![0].Target);
        Assert.Equal(Path.Combine(rooms.Folders.Processing, "c1", ".docgen-result.docx"), moves[0].Source);
    }

    [Fact]
    public void ManifestNamingNoClaim_IsRefused()
    {
        using var rooms = new Rooms();

        var (moves, problem) = Check(rooms, Manifest(new PublishMove(".docgen-receipt.json", Path.Combine(rooms.Folders.Archive, "x.receipt.json"), true)) with { Claim = null });

        Assert.Null(moves);
        Assert.NotNull(problem);
    }

    [Fact]
    public void InputWithABackslashInItsName_IsAPlainNameOnLinux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "a backslash separates folders on Windows");
        using var rooms = new Rooms();

        var (_, problem) = Check(rooms, Manifest(new(".docgen-receipt.json", "archive/x.receipt.json", true), new("a\\b.json", "archive/x.json", false)));

        Assert.Null(problem);
    }

    [Theory]
    [InlineData("../../templates/performance-goals.docx", "out/x.docx", false)] // from outside the claim
    [InlineData("/etc/passwd", "out/x.docx", false)]
    [InlineData(".docgen-result.docx", "/tmp/x.docx", false)] // to outside the folders
    [InlineData(".docgen-result.docx", "out/../../x.docx", false)]
    [InlineData(".docgen-result.docx", "out/y.docx", false)] // another stem's name
    [InlineData(".docgen-result.docx", "failed/x.errors.txt", false)] // the other outcome's folder
    [InlineData(".docgen-result.docx", "out/x.docx", true)] // an overwrite of anything but the reservation
    public void MoveDocGenNeverMakes_IsRefused(string from, string to, bool overwrite)
    {
        using var rooms = new Rooms();

        var (moves, problem) = Check(rooms, Manifest(new PublishMove(from, to, overwrite)));

        Assert.Null(moves);
        Assert.NotNull(problem);
    }

    [Fact]
    public void ManifestOfAnotherClaim_OrWithTheInputBeforeTheOutputs_IsRefused()
    {
        using var rooms = new Rooms();

        Assert.NotNull(Check(rooms, Manifest(new PublishMove(".docgen-result.docx", "out/x.docx", false)) with { Claim = "c2" }).Problem);
        Assert.NotNull(Check(rooms, Manifest(new("x.json", "archive/x.json", false), new(".docgen-result.docx", "out/x.docx", false))).Problem);
        Assert.NotNull(Check(rooms, Manifest(new(".docgen-result.docx", "out/x.docx", false), new(".docgen-result.docx", "out/x.docx", false))).Problem);
    }
}
