using DocGen.Core.Model;

namespace DocGen.Core.Tests.Model;

public sealed class ComparatorsTests
{
    [Theory]
    [InlineData(">=", "≥")]
    [InlineData(" ≥ ", "≥")]
    [InlineData("<=", "≤")]
    [InlineData("=", "＝")]
    [InlineData(">", "＞")]
    [InlineData("＜", "＜")]
    public void AcceptedSpellings_NormalizeToTheFullWidthSymbol(string typed, string canonical)
        => Assert.Equal(canonical, Comparators.Normalize(typed));

    [Theory]
    [InlineData("≧")]
    [InlineData("大于等于")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherSpellings_AreUnknown(string? typed) => Assert.Null(Comparators.Normalize(typed));

    [Fact]
    public void Wording_IsTheSeedsForGreaterOrEqual_AndCostCeilingsAreUpperBounds()
    {
        Assert.Equal("大于或等于", Comparators.Wording(Comparators.GreaterOrEqual));
        Assert.True(Comparators.IsLowerBound("＞"));
        Assert.True(Comparators.IsUpperBound("≤"));
        Assert.False(Comparators.IsUpperBound("＝"));
    }
}
