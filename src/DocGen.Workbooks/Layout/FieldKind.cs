namespace DocGen.Workbooks.Layout;

/// <summary>How a cell's value becomes a JSON value, and how the writer formats it.</summary>
public enum FieldKind
{
    /// <summary>Text; a number typed in it is taken as it shows.</summary>
    Text,

    /// <summary>A code (digits and letters): text-formatted so that Excel keeps leading zeros.</summary>
    Code,

    /// <summary>A whole number (a year, a sequence number).</summary>
    Whole,

    /// <summary>An amount: two decimals.</summary>
    Amount,

    /// <summary>A number; a percent-formatted cell counts in percent (0.25 shown as 25% is 25).</summary>
    Number,

    /// <summary>A cumulative percentage, percent-formatted.</summary>
    Percent,

    /// <summary>One of the kinds of submission, by its Chinese name.</summary>
    Kind,

    /// <summary>定量 or 定性.</summary>
    Nature,

    /// <summary>An indicator framework, by its title or name.</summary>
    Framework,

    /// <summary>≥ ≤ ＝ ＞ ＜.</summary>
    Comparator,

    /// <summary>元 or 万元.</summary>
    AmountUnit,

    /// <summary>A list typed in one cell, its items separated by 、 or ；.</summary>
    List,

    /// <summary>A measurement unit (%, 个, 人次, …): a list of common ones, others allowed.</summary>
    Unit,

    /// <summary>一级指标 from the framework.</summary>
    Level1,

    /// <summary>二级指标 under the row's 一级指标.</summary>
    Level2,
}
