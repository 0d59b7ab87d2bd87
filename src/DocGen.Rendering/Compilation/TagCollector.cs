using System.Text.RegularExpressions;
using System.Xml.Linq;
using static DocGen.Rendering.Compilation.Wml;

namespace DocGen.Rendering.Compilation;

/// <summary>Finds the tags of a normalised part, in document order.</summary>
internal static class TagCollector
{
    /// <summary>
    /// Every tag in document order, each moved into a text node of its own (a run may hold several
    /// <c>w:t</c>), so moving or rewriting one tag can never touch another with the same text.
    /// Comments (<c>{{! … }}</c>) are removed here.
    /// </summary>
    public static List<Tag> Collect(XElement root)
    {
        var tags = new List<Tag>();
        foreach (var t in root.Descendants(T).ToList())
        {
            var paragraph = OwningParagraph(t);
            var matches = RunNormalizer.Tags(t.Value);
            if (paragraph is null || matches.Count == 0)
            {
                continue;
            }

            var text = t.Value;
            var position = 0;
            foreach (Match m in matches)
            {
                if (m.Index > position)
                {
                    t.AddBeforeSelf(NewText(text[position..m.Index]));
                }

                var node = NewText(m.Value);
                t.AddBeforeSelf(node);
                var tag = new Tag(m.Value, node, paragraph, tags.Count);
                if (tag.Kind == TagKind.Comment)
                {
                    tag.RemoveFromText();
                }
                else
                {
                    tags.Add(tag);
                }

                position = m.Index + m.Length;
            }

            if (position < text.Length)
            {
                t.AddBeforeSelf(NewText(text[position..]));
            }

            t.Remove();
        }

        return tags;
    }

    private static XElement NewText(string text) => new(T, new XAttribute(XmlSpace, "preserve"), text);
}
