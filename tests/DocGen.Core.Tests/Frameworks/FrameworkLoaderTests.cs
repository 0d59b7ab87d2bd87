using System.Text;
using DocGen.Core.Frameworks;
using DocGen.Core.Tests.Support;

namespace DocGen.Core.Tests.Frameworks;

public sealed class FrameworkLoaderTests
{
    private static IndicatorFramework Load(string json) => FrameworkLoader.Load(Encoding.UTF8.GetBytes(json), "test.framework.json");

    [Fact]
    public void ShippedFolder_LoadsLegacyAndMof2021_WithLegacyAsDefault()
    {
        var catalog = FrameworkCatalog.LoadFolder(Repo.Templates);

        Assert.Equal(["legacy", "mof2021"], catalog.Names);
        Assert.Equal("legacy", catalog.Find(null)!.Name);
        Assert.Null(catalog.Find("no-such-framework"));
    }

    [Fact]
    public void Legacy_KnowsAliasesAndTheCanonicalOrder()
    {
        var legacy = FrameworkCatalog.LoadFolder(Repo.Templates).Find("legacy")!;

        Assert.Equal("生态效益指标", legacy.FindLevel1("效益指标")!.FindLevel2("环境效益指标")!.Name);
        Assert.True(legacy.OrderOf("产出指标", "成本指标").CompareTo(legacy.OrderOf("效益指标", "经济效益指标")) < 0);
        Assert.Equal((int.MaxValue, int.MaxValue), legacy.OrderOf("不存在", null));
    }

    [Fact]
    public void BrokenFile_ListsEveryProblem_WithTheFileName()
    {
        var ex = Assert.Throws<FrameworkException>(() => Load("""
            { "name": "", "level1": [
                { "name": "产出指标", "level2": [] },
                { "name": "产出指标", "level2": [ { "name": "a" }, { "name": "a" } ] } ] }
            """));

        Assert.Contains("test.framework.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("name is empty", ex.Problems);
        Assert.Contains("level1 '产出指标' has no level2", ex.Problems);
        Assert.Contains("level1 name '产出指标' appears twice", ex.Problems);
        Assert.Contains("level2 name 'a' appears twice under '产出指标'", ex.Problems);
    }

    [Fact]
    public void MalformedJson_IsAFrameworkErrorWithItsLine()
    {
        var ex = Assert.Throws<FrameworkException>(() => Load("{\n \"name\": \"x\",\n \"level1\": [ oops ] }"));

        Assert.StartsWith("line 3", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void CatalogWithoutTheDefault_OrWithTwoOfOneName_IsRefused()
    {
        var other = Load("""{ "name": "other", "level1": [ { "name": "x", "level2": [ { "name": "y" } ] } ] }""");

        Assert.Throws<FrameworkException>(() => new FrameworkCatalog([other]));
        var legacy = FrameworkCatalog.LoadFolder(Repo.Templates).Find("legacy")!;
        Assert.Throws<FrameworkException>(() => new FrameworkCatalog([legacy, legacy]));
    }
}
