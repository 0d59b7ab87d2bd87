using System.Text.Json.Serialization;

namespace DocGen.Core.Validation;

/// <summary>
/// One problem of a submission: where (JSON path, and line/column for syntax errors), which rule
/// (V1…V29 from SPEC §4, D1…D9 for the document itself), and what, in Chinese first.
/// </summary>
public sealed record ValidationIssue(
    string Code,
    Severity Severity,
    string Path,
    string Message,
    string MessageEn)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Line { get; init; }

    /// <summary>The column in characters (text elements), as an editor counts them.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Column { get; init; }

    /// <summary>Where, in the clerk's words: 第 1 个项目“机关工委业务费” → 第 2 个指标“公众满意率” → 计量单位.</summary>
    /// <remarks>
    /// Worked out when read, from <see cref="NamedIn"/>, unless given: a report of 10,000 warnings
    /// lists 20 of a rule in text, and 10,000 place names made in advance would be kept for nothing.
    /// </remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Location
    {
        get => _location ?? (Placed ? IssueLocator.Describe(this, NamedIn) : null);
        init => _location = value;
    }

    private readonly string? _location;

    /// <summary>Whether <see cref="Location"/> is worked out from the path (set by the validator, with <see cref="NamedIn"/>).</summary>
    internal bool Placed { get; init; }

    /// <summary>The submission whose names <see cref="Location"/> uses (null when none could be read).</summary>
    internal Model.Submission? NamedIn { get; init; }

    /// <summary>For a submission converted from a workbook: the sheet and cell (<c>绩效指标!C12</c>) or row (<c>绩效指标!12:12</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    /// <summary>For a syntax error: the line of the file and a marker under the place.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Excerpt { get; init; }
}
