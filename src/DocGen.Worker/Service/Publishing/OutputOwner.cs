using System.Globalization;
using DocGen.Core.Model;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Whose a submission's outputs are, as their names say it: the unit (its short name, else its
/// code) and the year. Twenty units dropping the blank workbook's 申报表.xlsx get
/// 区直工委-2021-申报表.docx, 财政局-2021-申报表.docx, … rather than 申报表.docx, 申报表.2.docx, …
/// </summary>
public sealed record OutputOwner(string? Unit, int? Year)
{
    /// <summary>Longest unit label kept in a name (characters): a unit's full name can run to forty.</summary>
    private const int MaxUnitCharacters = 20;

    /// <summary>Characters Windows refuses in a name, and the folder separators.</summary>
    private static readonly System.Buffers.SearchValues<char> s_reserved = System.Buffers.SearchValues.Create("\\/:*?\"<>|");

    public static OutputOwner None { get; } = new(null, null);

    /// <summary>The owner as far as the submission says it (read in part is enough: a rejected one names its unit too).</summary>
    public static OutputOwner Of(Submission? submission)
    {
        var unit = submission?.Unit;
        var label = FirstUsable(unit?.ShortName, unit?.Code);
        return new(label, submission?.FiscalYear is { } year and >= 1900 and <= 9999 ? year : null);
    }

    /// <summary>
    /// The stem with what it does not already say put in front (<c>区直工委-2021-申报表</c>); a stem
    /// that names the unit (short name, full name or code) and the year is kept as it is.
    /// </summary>
    public string Name(string stem, Submission? submission)
    {
        ArgumentNullException.ThrowIfNull(stem);
        var unit = submission?.Unit;
        var saysUnit = Unit is null || Contains(stem, unit?.ShortName) || Contains(stem, unit?.Name) || Contains(stem, unit?.Code);
        var year = Year?.ToString(CultureInfo.InvariantCulture);
        var saysYear = year is null || stem.Contains(year, StringComparison.Ordinal);
        return (saysUnit, saysYear) switch
        {
            (true, true) => stem,
            (false, true) => $"{Unit}-{stem}",
            (true, false) => $"{year}-{stem}",
            _ => $"{Unit}-{year}-{stem}",
        };
    }

    private static bool Contains(string stem, string? part) => !string.IsNullOrWhiteSpace(part) && stem.Contains(part.Trim(), StringComparison.Ordinal);

    /// <summary>A label safe in a file name on every system an office uses: no separators, reserved or hidden characters; null when nothing is left.</summary>
    private static string? FirstUsable(params string?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrWhiteSpace(candidate))
            {
                continue;
            }

            var kept = new string([.. candidate.Trim().Where(static c => !char.IsControl(c) && !IO.DisplayName.IsHidden(c) && !s_reserved.Contains(c))]).Trim('.', ' ');
            if (kept.Length > 0)
            {
                return kept.Length <= MaxUnitCharacters ? kept : kept[..MaxUnitCharacters];
            }
        }

        return null;
    }
}
