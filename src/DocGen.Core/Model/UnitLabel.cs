using System.Buffers;

namespace DocGen.Core.Model;

/// <summary>
/// How a unit is named in a file name (the workbook a clerk is given, the documents made from it):
/// its short name, else its code, without what Windows, a share or a shell refuses or misreads
/// (<c>\ / : * ? " &lt; &gt; |</c>, control and bidirectional characters, leading and trailing dots
/// and spaces), at most <see cref="MaxCharacters"/> characters. One rule for both, so that the names match.
/// </summary>
public static class UnitLabel
{
    public const int MaxCharacters = 20;

    private static readonly SearchValues<char> s_refused = SearchValues.Create("\\/:*?\"<>|\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>The label, or null when neither the short name nor the code leaves anything.</summary>
    public static string? For(string? shortName, string? code)
    {
        foreach (var candidate in new[] { shortName, code })
        {
            var kept = Clean(candidate);
            if (kept.Length > 0)
            {
                return kept.Length <= MaxCharacters ? kept : kept[..MaxCharacters].TrimEnd('.', ' ');
            }
        }

        return null;
    }

    /// <summary>Text with what a file name must not hold taken out.</summary>
    public static string Clean(string? text)
        => text is null ? "" : new string([.. text.Where(static c => !char.IsControl(c) && !s_refused.Contains(c))]).Trim().Trim('.').Trim();
}
