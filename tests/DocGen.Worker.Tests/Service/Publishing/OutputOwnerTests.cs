using DocGen.Core.Model;
using DocGen.Worker.Service.Publishing;

namespace DocGen.Worker.Tests.Service.Publishing;

public sealed class OutputOwnerTests
{
    private static Submission Unit(string? shortName, string code = "286001", int year = 2021)
        => new() { FiscalYear = year, Unit = new UnitInfo { Code = code, Name = "中共秦皇岛市山海关区委区直机关工作委员会本级", ShortName = shortName } };

    [Theory]
    [InlineData("申报表", "区直工委-2021-申报表")]
    [InlineData("区直工委-2021-申报表", "区直工委-2021-申报表")] // says both already
    [InlineData("区直工委申报表", "区直工委-2021-区直工委申报表")] // 区直工委 not a word of it: a prefix is safer than a guess
    [InlineData("2021年度申报表", "区直工委-2021年度申报表")]
    [InlineData("区直工委-2020-申报表", "区直工委-2021-申报表")] // last year's workbook filled in again
    [InlineData("申报表-mof2021", "区直工委-2021-申报表-mof2021")] // the framework's name is not a year
    public void Name_SaysTheUnitAndYear_AsWholeWords(string stem, string expected)
        => Assert.Equal(expected, OutputOwner.Of(Unit("区直工委")).Name(stem, Unit("区直工委")));

    [Fact]
    public void AnotherUnitsNameContainingThisOnes_DoesNotPassForIt()
        => Assert.Equal("工委-区直工委-2021-申报表", OutputOwner.Of(Unit("工委")).Name("区直工委-2021-申报表", Unit("工委")));

    [Fact]
    public void ShortNameWithCharactersWindowsRefuses_IsCleaned_AndWithoutOneTheCodeNamesTheUnit()
    {
        Assert.Equal("区直工委-2021-申报表", OutputOwner.Of(Unit("区直/工委:")).Name("申报表", Unit("区直/工委:")));
        Assert.Equal("286001-2021-申报表", OutputOwner.Of(Unit(null)).Name("申报表", Unit(null)));
    }
}
