using DocGen.Core.Validation;
using DocGen.Core.Rules;

namespace DocGen.Worker.Tests.Service.Publishing;

public sealed class PublisherTests
{
    private static readonly ValidationReport s_errors = new([new ValidationIssue(RuleCodes.V1, Severity.Error, "$.kind", "缺少申报类型", "kind is missing")]);

    [Fact]
    public void Document_IsPublishedWithItsInputAndReceipt_AndTheClaimIsRemoved()
    {
        using var rooms = new Rooms();
        using var claim = rooms.Claims().TryClaim(rooms.Drop("a.json", "{}"))!;

        var publisher = rooms.Publisher();
        publisher.StageDocument(claim, "docx"u8);
        var output = publisher.PublishDocument(claim, "a.json", withPdf: false, converted: null, stem => System.Text.Encoding.UTF8.GetBytes($"receipt of {stem} by {claim.Id}"));

        Assert.Equal(Path.Combine(rooms.Folders.Out, "a.docx"), output);
        Assert.Equal("docx", File.ReadAllText(output));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(rooms.Folders.Archive, "a.json")));
        Assert.StartsWith("receipt of a by", File.ReadAllText(Path.Combine(rooms.Folders.Archive, "a.receipt.json")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(claim.Folder));
    }

    [Fact]
    public void DocumentThatCannotBePlaced_LeavesOnlyTheReservationInArchive_NeverAFinishedReceipt()
    {
        using var rooms = new Rooms();
        using var claim = rooms.Claims().TryClaim(rooms.Drop("a.json", "{}"))!;
        var publisher = rooms.Publisher();
        publisher.StageDocument(claim, "docx"u8);
        Directory.Delete(rooms.Folders.Out);
        File.WriteAllText(rooms.Folders.Out, "a file where out/ should be"); // out/ unusable, as on a read-only or broken share

        Assert.ThrowsAny<IOException>(() => publisher.PublishDocument(claim, "a.json", withPdf: false, converted: null, static _ => "{\"submission\":\"a.json\"}"u8.ToArray()));

        var reservation = File.ReadAllText(Path.Combine(rooms.Folders.Archive, "a.receipt.json"));
        Assert.Contains("\"state\":\"publishing\"", reservation, StringComparison.Ordinal);
        Assert.DoesNotContain("submission", reservation, StringComparison.Ordinal);
    }

    [Fact]
    public void ReusedName_GetsTheNextFreeVersion_InEachOutcome()
    {
        using var rooms = new Rooms();
        var claims = rooms.Claims();
        var publisher = rooms.Publisher();
        string Publish(string name) { using var c = claims.TryClaim(rooms.Drop(name, "{}"))!; publisher.StageDocument(c, "d"u8); return publisher.PublishDocument(c, name, withPdf: false, converted: null, _ => [(byte)'r']); }
        string Reject(string name) { using var c = claims.TryClaim(rooms.Drop(name, "{}"))!; return publisher.PublishRejection(c, name, s_errors); }

        Assert.EndsWith("a.docx", Publish("a.json"), StringComparison.Ordinal);
        Assert.EndsWith("a.2.docx", Publish("a.json"), StringComparison.Ordinal);
        Assert.EndsWith("a.errors.txt", Reject("a.json"), StringComparison.Ordinal);
        Assert.EndsWith("a.2.errors.txt", Reject("a.json"), StringComparison.Ordinal);
        Assert.Equal(["a.2.errors.json", "a.2.errors.txt", "a.2.json", "a.errors.json", "a.errors.txt", "a.json"], Names(rooms.Folders.Failed));
    }

    [Fact]
    public void ClaimWithAManifest_IsFinishedFromIt_AfterACrashBetweenMoves()
    {
        using var rooms = new Rooms();
        var store = rooms.Claims();
        var claim = store.TryClaim(rooms.Drop("a.json", "{}"))!;
        var folder = claim.Folder;
        var publisher = rooms.Publisher();

        // Publish, then put the input back as if the process died before its last move.
        publisher.PublishRejection(claim, "a.json", s_errors);
        claim.Dispose();
        Directory.CreateDirectory(folder);
        File.Move(Path.Combine(rooms.Folders.Failed, "a.json"), Path.Combine(folder, "a.json"));
        File.WriteAllText(Path.Combine(folder, ".docgen-publish.json"), $$"""{"outcome":"rejected","stem":"a","claim":"{{Path.GetFileName(folder)}}","moves":[{"from":".docgen-errors.json","to":"failed/a.errors.json","overwrite":true},{"from":"a.json","to":"failed/a.json","overwrite":false}]}""");

        using var abandoned = Assert.Single(store.TakeAbandoned());
        Assert.True(publisher.TryFinish(abandoned));

        Assert.True(File.Exists(Path.Combine(rooms.Folders.Failed, "a.json")));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void ClaimWithoutAManifest_IsNotFinished()
    {
        using var rooms = new Rooms();
        using var claim = rooms.Claims().TryClaim(rooms.Drop("a.json", "{}"))!;

        Assert.False(rooms.Publisher().TryFinish(claim));
    }

    private static List<string> Names(string folder) => [.. Directory.EnumerateFiles(folder).Select(static f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];
}
