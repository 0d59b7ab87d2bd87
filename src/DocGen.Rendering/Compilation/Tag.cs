using System.Xml.Linq;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// One <c>{{…}}</c> of a template, in the text node that holds it after normalisation. Its kind,
/// helper name and arguments are parsed once, when it is found.
/// </summary>
internal sealed class Tag
{
    public Tag(string text, XElement textNode, XElement paragraph, int order)
    {
        Text = text;
        TextNode = textNode;
        Paragraph = paragraph;
        Order = order;
        Inner = RunNormalizer.InnerOf(text).Trim().Trim('~').Trim();
        Kind = KindOf(Inner);
        var body = Inner.TrimStart('#', '/', '^').TrimStart();
        var end = body.IndexOfAny([' ', '\t', '\n', '(', ')']);
        Name = end < 0 ? body : body[..end];
        Arguments = body.Length > Name.Length ? body[Name.Length..].Trim() : "";
    }

    /// <summary>The tag as it stands in the template (normalised: ASCII braces and quotes).</summary>
    public string Text { get; private set; }

    public XElement TextNode { get; }

    public XElement Paragraph { get; }

    /// <summary>Position in document order.</summary>
    public int Order { get; }

    /// <summary>What is between the braces, without whitespace control (<c>~</c>).</summary>
    public string Inner { get; }

    public TagKind Kind { get; }

    /// <summary>The block helper's name for open and close tags (<c>each</c>, <c>if</c>…), or the first word.</summary>
    public string Name { get; }

    /// <summary>What follows the name: the block's argument expression.</summary>
    public string Arguments { get; }

    /// <summary>What follows <c>else</c> in <c>{{else if x}}</c> (<c>if x</c>), or empty.</summary>
    public string ElseCondition => Kind == TagKind.Else && Inner.StartsWith("else ", StringComparison.Ordinal) ? Inner[5..].Trim() : "";

    /// <summary>Takes the tag out of the text (it moves outside the paragraph, row or cell). The tag has a text node of its own.</summary>
    public void RemoveFromText() => TextNode.Value = "";

    /// <summary>Rewrites the tag in place (the compiler's own helpers).</summary>
    public void ReplaceInText(string replacement)
    {
        TextNode.Value = replacement;
        Text = replacement;
    }

    public override string ToString() => Text;

    private static TagKind KindOf(string inner) => inner switch
    {
        var s when s.StartsWith('#') => TagKind.Open,
        var s when s.StartsWith('/') => TagKind.Close,
        var s when s.StartsWith('!') => TagKind.Comment,
        "else" or "^" => TagKind.Else,
        var s when s.StartsWith("else ", StringComparison.Ordinal) => TagKind.Else,
        _ => TagKind.Expression,
    };
}
