using DocGen.Core.Rules;

namespace DocGen.Worker.Tests.Service.Publishing;

public sealed class StemReservationsTests
{
    private static string Publish(Rooms rooms, Worker.Service.Publishing.Publisher publisher, string name)
    {
        using var claim = rooms.Claims().TryClaim(rooms.Drop(name, "{}"))!;
        publisher.StageDocument(claim, "d"u8);
        return Path.GetFileName(publisher.PublishDocument(claim, name, withPdf: false, converted: null, _ => [(byte)'r']));
    }

    [Fact]
    public void NameWithManyVersions_GetsTheNextAfterTheLast()
    {
        using var rooms = new Rooms();
        File.WriteAllText(Path.Combine(rooms.Folders.Archive, "a.receipt.json"), "{}");
        for (var n = 2; n <= 1000; n++)
        {
            File.WriteAllText(Path.Combine(rooms.Folders.Archive, $"a.{n}.receipt.json"), "{}");
        }

        var publisher = rooms.Publisher();

        Assert.Equal("a.1001.docx", Publish(rooms, publisher, "a.json"));
        Assert.Equal("a.1002.docx", Publish(rooms, publisher, "a.json"));
    }

    [Fact]
    public void VersionTakenByAnyNameOfTheFamily_IsSkipped()
    {
        using var rooms = new Rooms();
        File.WriteAllText(Path.Combine(rooms.Folders.Out, "a.docx"), "someone else's");
        File.WriteAllText(Path.Combine(rooms.Folders.Archive, "a.2.xlsx"), "someone else's");

        Assert.Equal("a.3.docx", Publish(rooms, rooms.Publisher(), "a.json"));
    }

    [Fact]
    public void RedoneClaim_KeepsTheStemItReserved_AndFreesTheOtherOutcomes()
    {
        using var rooms = new Rooms();
        var publisher = rooms.Publisher();
        var store = rooms.Claims();
        var claim = store.TryClaim(rooms.Drop("a.json", "{}"))!;
        publisher.StageDocument(claim, "d"u8);
        File.WriteAllText(Path.Combine(rooms.Folders.Out, "a.docx"), "taken"); // the first attempt then dies before its manifest
        Assert.Throws<IOException>(() => publisher.PublishDocument(claim, "a.json", withPdf: false, converted: null, _ => throw new IOException("died")));
        Assert.True(File.Exists(Path.Combine(rooms.Folders.Archive, "a.2.receipt.json")));
        claim.Dispose();

        using var redo = Assert.Single(store.TakeAbandoned());
        redo.ClearStaged();
        var report = rooms.Publisher().PublishRejection(redo, "a.json", new([new(RuleCodes.V1, Core.Validation.Severity.Error, "$.kind", "缺少申报类型", "kind is missing")]));

        Assert.Equal("a.errors.txt", Path.GetFileName(report));
        Assert.False(File.Exists(Path.Combine(rooms.Folders.Archive, "a.2.receipt.json"))); // its placeholder freed
    }
}
