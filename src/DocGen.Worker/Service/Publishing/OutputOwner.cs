using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Core.Model;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Whose a submission's outputs are, as their names say it: the unit (<see cref="UnitLabel"/>: its
/// short name, else its code) and the year. Twenty units dropping the blank workbook's 申报表.xlsx get
/// 区直工委-2021-申报表.docx, 财政局-2021-申报表.docx, … rather than 申报表.docx, 申报表.2.docx, …
/// </summary>
public sealed partial record OutputOwner(string? Unit, int? Year)
{
    public static OutputOwner None { get; } = new(null, null);

    /// <summary>The owner as far as the submission says it (read in part is enough: a rejected one names its unit too).</summary>
    public static OutputOwner Of(Submission? submission)
        => new(UnitLabel.For(submission?.Unit?.ShortName, submission?.Unit?.Code),
            submission?.FiscalYear is { } year and >= 1900 and <= 2999 ? year : null);

    /// <summary>
    /// The stem saying whose it is: a year other than the submission's (last year's workbook filled
    /// in again) is replaced by it; the unit and year it does not name, as whole words, are put in
    /// front (<c>区直工委-2021-申报表</c>). A name that says both is kept as it is.
    /// </summary>
    public string Name(string stem, Submission? submission)
    {
        ArgumentNullException.ThrowIfNull(stem);
        var year = Year?.ToString(CultureInfo.InvariantCulture);
        var years = AnyYear().Matches(stem);
        if (year is not null && !years.Any(y => y.Value == year) && years.Count > 0)
        {
            var stale = years[0];
            stem = string.Concat(stem.AsSpan(0, stale.Index), year, stem.AsSpan(stale.Index + stale.Length));
        }

        var unit = submission?.Unit;
        var saysUnit = Unit is null || IsWord(stem, Unit) || IsWord(stem, UnitLabel.Clean(unit?.Name)) || IsWord(stem, UnitLabel.Clean(unit?.Code));
        var saysYear = year is null || AnyYear().Matches(stem).Any(y => y.Value == year);
        return (saysUnit, saysYear) switch
        {
            (true, true) => stem,
            (false, true) => $"{Unit}-{stem}",
            (true, false) => $"{year}-{stem}",
            _ => $"{Unit}-{year}-{stem}",
        };
    }

    /// <summary>
    /// Whether <paramref name="word"/> stands in the stem on its own: between its ends or the
    /// separators people put in names, so that 工委 is not read in 区直工委.
    /// </summary>
    private static bool IsWord(string stem, string? word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return false;
        }

        for (var at = stem.IndexOf(word, StringComparison.Ordinal); at >= 0; at = stem.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || IsSeparator(stem[at - 1])) && (end == stem.Length || IsSeparator(stem[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSeparator(char c) => c is '-' or '_' or '.' or ' ' or '(' or ')' or '（' or '）' or '【' or '】' or '[' or ']' or '—' or '·';

    /// <summary>A year in a name: four digits from 1900 to 2999 with no digit or Latin letter beside them (2021年度 is one, mof2021 is not).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(19|2[0-9])[0-9]{2}(?![0-9A-Za-z])")]
    private static partial Regex AnyYear();
}
