namespace DocGen.Core.Json;

/// <summary>What a number that could not be read was for, so that the advice on it fits its field: a “25%” typed as text is advice on percentages, not on amounts.</summary>
public enum SlipField
{
    /// <summary>An amount of money (预算数, 财政资金, 其他资金): its unit is the submission's 金额单位.</summary>
    Amount,

    /// <summary>A percentage given as its number (累计支出比例, 绩效标准): 25 means 25%.</summary>
    Percent,

    /// <summary>A quantitative indicator's value (指标值): its unit has a field of its own (计量单位).</summary>
    IndicatorValue,
}
