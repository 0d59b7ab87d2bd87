namespace DocGen.Core.Model;

/// <summary>定量 / 定性.</summary>
public enum IndicatorNature
{
    Quantitative,
    Qualitative,
}
