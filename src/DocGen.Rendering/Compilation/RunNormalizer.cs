using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using static DocGen.Rendering.Compilation.Wml;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Undoes what Word (or WPS, LibreOffice) does to typed placeholders: a <c>{{tag}}</c> split over
/// several runs (rsids, spell-check marks, a bookmark or a smart tag inside it, an IME's
/// full-width braces, curly quotes) becomes one run again, in the formatting of its first run.
/// </summary>
internal static partial class RunNormalizer
{
    /// <summary>Removes what only an editor needs and what would split or duplicate content.</summary>
    public static void Clean(XElement root)
    {
        root.Descendants().Where(static e => e.Name == ProofErr || e.Name == LastRenderedPageBreak).Remove();

        // Word's “last edit” marker (SPEC §1.2: never reproduce it).
        var goBack = root.Descendants(BookmarkStart).Where(static b => (string?)b.Attribute(Name) == "_GoBack").ToList();
        foreach (var start in goBack)
        {
            var id = (string?)start.Attribute(Id);
            root.Descendants(BookmarkEnd).Where(e => (string?)e.Attribute(Id) == id).Remove();
            start.Remove();
        }

        foreach (var smartTag in root.Descendants(SmartTag).Reverse().ToList())
        {
            smartTag.ReplaceWith(smartTag.Elements().Where(static e => e.Name != SmartTagPr));
        }

        // Paragraph ids must be unique; repeated paragraphs would duplicate them. They are optional.
        foreach (var e in root.DescendantsAndSelf())
        {
            e.Attributes().Where(static a => a.Name.Namespace == W14 && a.Name.LocalName is "paraId" or "textId").Remove();
        }

        FixEditorQuirks(root);
    }

    /// <summary>
    /// Values some editors write that the Open XML schema refuses (LibreOffice: a negative
    /// <c>w:charSpace</c> printed as unsigned; <c>w:val="true"</c> on row properties that take on/off).
    /// Outputs must validate, so the template's own slips are mended too.
    /// </summary>
    private static void FixEditorQuirks(XElement root)
    {
        foreach (var charSpace in root.Descendants().Attributes(W + "charSpace"))
        {
            if (long.TryParse(charSpace.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > int.MaxValue && value <= uint.MaxValue)
            {
                charSpace.Value = unchecked((int)(uint)value).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        foreach (var onOff in root.Descendants().Where(static e => e.Parent?.Name == W + "trPr" && e.Name.LocalName is "tblHeader" or "cantSplit" or "hidden").Attributes(Val))
        {
            onOff.Value = onOff.Value is "true" or "1" or "on" ? "on" : "off";
        }
    }

    /// <summary>Joins every tag of the paragraph into the first text node it starts in.</summary>
    public static void JoinTags(XElement paragraph)
    {
        var texts = TextsOf(paragraph).ToList();
        if (texts.Count == 0)
        {
            return;
        }

        var whole = new StringBuilder();
        var starts = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            starts[i] = whole.Length;
            whole.Append(texts[i].Value);
        }

        var matches = TagPattern().Matches(whole.ToString());
        if (matches.Count == 0)
        {
            return;
        }

        var values = texts.Select(static t => t.Value).ToArray();
        for (var m = matches.Count - 1; m >= 0; m--)
        {
            var match = matches[m];
            var first = SegmentAt(starts, match.Index);
            var last = SegmentAt(starts, match.Index + match.Length - 1);
            var startOffset = match.Index - starts[first];
            var endOffset = match.Index + match.Length - starts[last];
            var tag = NormalizeTag(match.Value);
            if (first == last)
            {
                values[first] = values[first][..startOffset] + tag + values[first][endOffset..];
                continue;
            }

            values[first] = values[first][..startOffset] + tag;
            RemoveBookmarksBetween(paragraph, texts[first], texts[last]);
            for (var k = first + 1; k < last; k++)
            {
                values[k] = "";
            }

            values[last] = values[last][endOffset..];
        }

        for (var i = 0; i < texts.Count; i++)
        {
            texts[i].Value = values[i];
            texts[i].SetAttributeValue(XmlSpace, "preserve");
        }

        // Runs left with nothing to show are dropped, so they cannot keep a paragraph alive.
        foreach (var t in texts.Where(static t => t.Value.Length == 0))
        {
            var run = t.Parent;
            t.Remove();
            if (run?.Name == R && !run.Elements().Any(static e => e.Name != RPr))
            {
                run.Remove();
            }
        }
    }

    /// <summary>
    /// A bookmark that Word left inside a placeholder marks a spot that no longer exists once the
    /// placeholder is replaced; it goes, with its end (which may sit elsewhere).
    /// </summary>
    private static void RemoveBookmarksBetween(XElement paragraph, XElement from, XElement to)
    {
        var inside = paragraph.Descendants()
            .Where(e => (e.Name == BookmarkStart || e.Name == BookmarkEnd) && e.IsAfter(from) && e.IsBefore(to))
            .ToList();
        var root = paragraph.AncestorsAndSelf().Last();
        foreach (var id in inside.Select(static e => (string?)e.Attribute(Id)).Distinct().ToList())
        {
            root.Descendants().Where(e => (e.Name == BookmarkStart || e.Name == BookmarkEnd) && (string?)e.Attribute(Id) == id).Remove();
        }
    }

    /// <summary>Every tag in one text: what the compiler classifies.</summary>
    public static MatchCollection Tags(string text) => TagPattern().Matches(text);

    /// <summary>ASCII braces and straight quotes, one pair of braces (a triple stash is printed encoded too).</summary>
    internal static string NormalizeTag(string tag)
    {
        var inner = InnerOf(tag)
            .Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\'')
            .Replace('（', '(').Replace('）', ')');
        return "{{" + inner + "}}";
    }

    internal static string InnerOf(string tag)
    {
        var s = tag.Replace('｛', '{').Replace('｝', '}');
        var open = s.StartsWith("{{{", StringComparison.Ordinal) && s.EndsWith("}}}", StringComparison.Ordinal) ? 3 : 2;
        return s[open..^open];
    }

    private static int SegmentAt(int[] starts, int position)
    {
        var i = Array.BinarySearch(starts, position);
        if (i >= 0)
        {
            // Several empty segments may start here: take the last, the one that holds the character.
            while (i + 1 < starts.Length && starts[i + 1] == position)
            {
                i++;
            }

            return i;
        }

        return ~i - 1;
    }

    [GeneratedRegex(@"[{｛]{2,3}[\s\S]*?[}｝]{2,3}")]
    private static partial Regex TagPattern();
}
