using System.Text;
using System.Text.RegularExpressions;
using DocGen.Core.Rules;

namespace DocGen.Core.Validation;

/// <summary>Rules about the wording of text fields (V25, V26).</summary>
public static partial class TextRules
{
    /// <summary>
    /// V25: half-width <c>,;:()</c> between Chinese characters (seed §1.3 item 7). The reader asks
    /// this of every text, so <paramref name="path"/> is only called for a finding.
    /// </summary>
    public static void CheckHalfWidthPunctuation(string text, Func<string> path, IssueCollector issues)
    {
        ArgumentNullException.ThrowIfNull(path);
        StringBuilder? found = null;
        foreach (var m in HalfWidthBetweenCjk().EnumerateMatches(text))
        {
            found ??= new StringBuilder();
            if (found.Length > 0)
            {
                found.Append('、');
            }

            found.Append('“').Append(text, m.Index - 1, 3).Append('”');
        }

        if (found is not null)
        {
            issues.Warning(RuleCodes.V25, path(),
                $"中文之间使用了半角标点：{found}。公文应使用全角标点（，；：（））。",
                $"Half-width punctuation between Chinese characters: {found}. Official documents use full-width punctuation.");
        }
    }

    /// <summary>
    /// V26: an item that already starts with its own number (“一是”, “1.”, “（一）”): the document
    /// numbers items itself, so the prefix is stripped and a warning given.
    /// </summary>
    public static string StripItemNumber(string item) => ItemNumberPrefix().Replace(item, "", 1);

    public static void CheckItemNumber(string? item, string path, IssueCollector issues)
    {
        if (item is null)
        {
            return;
        }

        var m = ItemNumberPrefix().Match(item);
        if (m.Success)
        {
            issues.Warning(RuleCodes.V26, path,
                $"条目以编号“{Quoted.Of(m.Value.Trim())}”开头；文档会自动编号，已去掉该编号。",
                $"The item starts with its own number '{Quoted.Of(m.Value.Trim())}'; the document numbers items itself, so it was removed.");
        }
    }

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF01-\uFF5E])[,;:()](?=[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF01-\uFF5E])")]
    private static partial Regex HalfWidthBetweenCjk();

    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十百]+是|\d+\s*[.．、](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*")]
    private static partial Regex ItemNumberPrefix();
}
