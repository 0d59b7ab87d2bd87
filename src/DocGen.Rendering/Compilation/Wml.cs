using System.Xml.Linq;

namespace DocGen.Rendering.Compilation;

/// <summary>WordprocessingML names the compiler works with.</summary>
internal static class Wml
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    public static readonly XName P = W + "p";
    public static readonly XName R = W + "r";
    public static readonly XName T = W + "t";
    public static readonly XName Tbl = W + "tbl";
    public static readonly XName Tr = W + "tr";
    public static readonly XName Tc = W + "tc";
    public static readonly XName TcPr = W + "tcPr";
    public static readonly XName TcW = W + "tcW";
    public static readonly XName GridSpan = W + "gridSpan";
    public static readonly XName TblGrid = W + "tblGrid";
    public static readonly XName GridCol = W + "gridCol";
    public static readonly XName TrPr = W + "trPr";
    public static readonly XName GridBefore = W + "gridBefore";
    public static readonly XName HMerge = W + "hMerge";
    public static readonly XName VMerge = W + "vMerge";
    public static readonly XName CnfStyle = W + "cnfStyle";
    public static readonly XName PPr = W + "pPr";
    public static readonly XName PStyle = W + "pStyle";
    public static readonly XName KeepNext = W + "keepNext";
    public static readonly XName KeepLines = W + "keepLines";
    public static readonly XName PageBreakBefore = W + "pageBreakBefore";
    public static readonly XName Br = W + "br";
    public static readonly XName TypeAttribute = W + "type";
    public static readonly XName RPr = W + "rPr";
    public static readonly XName SectPr = W + "sectPr";
    public static readonly XName BookmarkStart = W + "bookmarkStart";
    public static readonly XName BookmarkEnd = W + "bookmarkEnd";
    public static readonly XName ProofErr = W + "proofErr";
    public static readonly XName LastRenderedPageBreak = W + "lastRenderedPageBreak";
    public static readonly XName SmartTag = W + "smartTag";
    public static readonly XName SmartTagPr = W + "smartTagPr";
    public static readonly XName Id = W + "id";
    public static readonly XName Name = W + "name";
    public static readonly XName Val = W + "val";
    public static readonly XName Wd = W + "w";
    public static readonly XName WidthType = W + "type";
    public static readonly XName XmlSpace = XNamespace.Xml + "space";

    /// <summary>Revision marks: a template with tracked changes is refused (its text is ambiguous).</summary>
    public static readonly XName[] Revisions =
    [
        W + "ins", W + "del", W + "moveFrom", W + "moveTo", W + "rPrChange", W + "pPrChange",
        W + "sectPrChange", W + "tblPrChange", W + "trPrChange", W + "tcPrChange", W + "numberingChange",
    ];

    /// <summary>Content that keeps a paragraph alive even when its text is gone.</summary>
    public static readonly HashSet<XName> NonTextContent =
    [
        W + "drawing", W + "pict", W + "object", W + "fldSimple", W + "fldChar", W + "sym",
        W + "footnoteReference", W + "endnoteReference", BookmarkStart, W + "commentReference", SectPr,
    ];

    /// <summary>The paragraph a node belongs to (not a paragraph of a text box inside it).</summary>
    public static XElement? OwningParagraph(XElement e) => e.Ancestors(P).FirstOrDefault();

    /// <summary>The w:t of a paragraph in order, excluding nested paragraphs (text boxes).</summary>
    public static IEnumerable<XElement> TextsOf(XElement paragraph)
        => paragraph.Descendants(T).Where(t => OwningParagraph(t) == paragraph);

    public static string TextOf(XElement paragraph) => string.Concat(TextsOf(paragraph).Select(static t => t.Value));

    /// <summary>The first child named <paramref name="name"/>, added first when there is none (property elements come first).</summary>
    public static XElement GetOrAddFirst(XElement parent, XName name)
    {
        if (parent.Element(name) is { } existing)
        {
            return existing;
        }

        var child = new XElement(name);
        parent.AddFirst(child);
        return child;
    }

    /// <summary>Adds <paramref name="node"/> right after <paramref name="anchor"/>, or first in <paramref name="parent"/> when there is none (schema order).</summary>
    public static void AddAfterOrFirst(XElement parent, XElement? anchor, XNode node)
    {
        if (anchor is null)
        {
            parent.AddFirst(node);
        }
        else
        {
            anchor.AddAfterSelf(node);
        }
    }
}
