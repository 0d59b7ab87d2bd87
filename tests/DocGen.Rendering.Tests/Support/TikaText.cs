using System.Text;
using System.Xml.Linq;

namespace DocGen.Rendering.Tests.Support;

/// <summary>
/// Exports a document's body as text in the style of the seed export (Apache Tika): one line per
/// paragraph, <c>[bookmark: X]</c> before a bookmarked paragraph's text, table cells prefixed with a
/// tab (a cell's further paragraphs on their own lines), an empty line after each row.
/// </summary>
internal static class TikaText
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static string Export(XDocument document)
    {
        var sb = new StringBuilder();
        foreach (var element in document.Root!.Element(W + "body")!.Elements())
        {
            Block(element, sb);
        }

        return sb.ToString();
    }

    /// <summary>The export as lines, without the trailing empty ones (Tika adds a varying number).</summary>
    public static List<string> Lines(string text)
    {
        var lines = text.Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static void Block(XElement element, StringBuilder sb)
    {
        if (element.Name == W + "p")
        {
            sb.Append(Paragraph(element)).Append('\n');
        }
        else if (element.Name == W + "tbl")
        {
            foreach (var row in element.Elements(W + "tr"))
            {
                foreach (var cell in row.Elements(W + "tc"))
                {
                    sb.Append('\t');
                    var cellText = new StringBuilder();
                    foreach (var child in cell.Elements().Where(static e => e.Name != W + "tcPr"))
                    {
                        Block(child, cellText);
                    }

                    sb.Append(cellText);
                }

                sb.Append('\n');
            }
        }
        else if (element.Name == W + "sdt")
        {
            foreach (var child in element.Element(W + "sdtContent")?.Elements() ?? [])
            {
                Block(child, sb);
            }
        }
    }

    private static string Paragraph(XElement p)
    {
        var sb = new StringBuilder();
        foreach (var bookmark in p.Descendants(W + "bookmarkStart"))
        {
            sb.Append("[bookmark: ").Append((string?)bookmark.Attribute(W + "name")).Append(']');
        }

        foreach (var e in p.Descendants())
        {
            if (e.Name == W + "t")
            {
                sb.Append(e.Value);
            }
            else if (e.Name == W + "tab" && e.Parent?.Name == W + "r")
            {
                sb.Append('\t');
            }
            else if (e.Name == W + "br" || e.Name == W + "cr")
            {
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }
}
