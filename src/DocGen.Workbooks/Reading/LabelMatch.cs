using DocGen.Workbooks.Layout;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// Which label a clerk's changed label was (指标值 → 指标值（数字）, 单位编码 → 单位代码): one that
/// holds the original, or differs from it by a character or two. Used only for a label the
/// workbook is missing, among the labels it does not know, so a known label is never taken for another.
/// </summary>
internal static class LabelMatch
{
    /// <summary>Labels longer than this are not a renamed label (and are not compared: a header may be thousands of long cells).</summary>
    private const int MaxLength = 64;

    /// <summary>The index of the candidate most likely to be <paramref name="expected"/> renamed, or -1: one that holds it first, then the closest.</summary>
    public static int Best(string expected, IReadOnlyList<string> candidates)
    {
        var label = Field.Normalize(expected);
        var best = -1;
        var bestScore = int.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Length > MaxLength)
            {
                continue;
            }

            var candidate = Field.Normalize(candidates[i]);
            var score = candidate.Length == 0 ? int.MaxValue
                : candidate.Contains(label, StringComparison.Ordinal) || (candidate.Length >= 2 && label.Contains(candidate, StringComparison.Ordinal)) ? 0
                : DocGen.Core.Json.NameSuggestions.Levenshtein(label, candidate) is var d && d <= Math.Max(1, (label.Length - 1) / 3) ? d
                : int.MaxValue;
            if (score < bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }
}
