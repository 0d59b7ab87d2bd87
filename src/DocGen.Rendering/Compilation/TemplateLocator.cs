using System.Xml.Linq;
using static DocGen.Rendering.Compilation.Wml;

namespace DocGen.Rendering.Compilation;

/// <summary>Says where an element or tag of a part sits, in Word terms: paragraph, or table/row/cell, and the text around it.</summary>
internal sealed class TemplateLocator(string partName)
{
    private const int Radius = 20;

    public string PartName { get; } = partName;

    public TemplateLocation Locate(Tag tag) => Locate(tag.Paragraph, tag.Text);

    /// <summary>A problem of the part as a whole (no paragraph to point at).</summary>
    public TemplateLocation Part() => new(PartName, null, null, null, null, "");

    public TemplateLocation Locate(XElement element, string? focus = null)
    {
        var paragraph = element.Name == P ? element : element.AncestorsAndSelf(P).FirstOrDefault();
        var text = paragraph is null ? "" : TextOf(paragraph);
        var context = Around(text, focus);
        var cell = element.AncestorsAndSelf(Tc).FirstOrDefault();
        var root = element.AncestorsAndSelf().Last();
        if (cell is not null)
        {
            var row = cell.Parent!;
            var table = row.Parent!;
            var tableNumber = root.Descendants(Tbl).TakeWhile(t => t != table).Count() + 1;
            var rowNumber = table.Elements(Tr).TakeWhile(r => r != row).Count() + 1;
            var cellNumber = row.Elements(Tc).TakeWhile(c => c != cell).Count() + 1;
            int? inCell = paragraph is null ? null : cell.Elements(P).TakeWhile(p => p != paragraph).Count() + 1;
            return new TemplateLocation(PartName, inCell, tableNumber, rowNumber, cellNumber, context);
        }

        int? number = paragraph is null ? null : root.Descendants(P).Where(static p => !p.Ancestors(Tc).Any()).TakeWhile(p => p != paragraph).Count() + 1;
        return new TemplateLocation(PartName, number, null, null, null, context);
    }

    private static string Around(string text, string? focus)
    {
        var at = focus is null ? -1 : text.IndexOf(focus, StringComparison.Ordinal);
        if (at < 0)
        {
            return text.Length <= 2 * Radius ? text : text[..(2 * Radius)] + "…";
        }

        var start = Math.Max(0, at - Radius);
        var end = Math.Min(text.Length, at + focus!.Length + Radius);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
