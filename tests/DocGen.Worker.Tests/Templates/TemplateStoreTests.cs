using DocGen.Worker.Tests.Service;

namespace DocGen.Worker.Tests.Templates;

public sealed class TemplateStoreTests
{
    private static Rooms WithShippedTemplates() => new Rooms().WithShippedTemplates();

    [Fact]
    public void FirstRefresh_CompilesTheTemplateAtOnce()
    {
        using var rooms = WithShippedTemplates();
        var store = rooms.Templates();

        store.Refresh();

        Assert.Equal("performance-goals.docx", store.Current!.Name);
    }

    [Fact]
    public void NewVersion_IsTakenOnlyOnceItHasSettled_ABrokenOneKeepsTheLastGood()
    {
        using var rooms = WithShippedTemplates();
        var store = rooms.Templates();
        store.Refresh();
        var good = store.Current!;

        File.WriteAllText(store.TemplatePath, "being saved");
        store.Refresh();
        Assert.False(File.Exists(store.ErrorReportPath)); // not looked at while it may still change

        rooms.Clock.Advance(TimeSpan.FromSeconds(1));
        store.Refresh();
        Assert.Same(good, store.Current);
        var report = File.ReadAllText(store.ErrorReportPath);
        Assert.Contains("[T0]", report, StringComparison.Ordinal);
        Assert.Contains("last good version stays in use", report, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedVersion_RemovesTheReport()
    {
        using var rooms = WithShippedTemplates();
        var store = rooms.Templates();
        var bytes = File.ReadAllBytes(store.TemplatePath);
        File.WriteAllText(store.TemplatePath, "broken");
        store.Refresh();
        Assert.Null(store.Current);
        Assert.True(File.Exists(store.ErrorReportPath));

        File.WriteAllBytes(store.TemplatePath, bytes);
        store.Refresh();

        Assert.NotNull(store.Current);
        Assert.False(File.Exists(store.ErrorReportPath));
    }
}
