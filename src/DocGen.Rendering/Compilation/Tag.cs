using System.Xml.Linq;

namespace DocGen.Rendering.Compilation;

internal enum TagKind
{
    Expression,
    Open,
    Else,
    Close,
    Comment,
}

/// <summary>One <c>{{…}}</c> of a template, in the text node that holds it after normalisation.</summary>
internal sealed class Tag(string text, XElement textNode, XElement paragraph, int order)
{
    public string Text { get; private set; } = text;

    public XElement TextNode { get; } = textNode;

    public XElement Paragraph { get; } = paragraph;

    /// <summary>Position in document order.</summary>
    public int Order { get; } = order;

    public string Inner => RunNormalizer.InnerOf(Text).Trim().Trim('~').Trim();

    public TagKind Kind => Inner switch
    {
        var s when s.StartsWith('#') => TagKind.Open,
        var s when s.StartsWith('/') => TagKind.Close,
        var s when s.StartsWith('!') => TagKind.Comment,
        "else" or "^" => TagKind.Else,
        var s when s.StartsWith("else ", StringComparison.Ordinal) => TagKind.Else,
        _ => TagKind.Expression,
    };

    /// <summary>The block helper's name for open and close tags (<c>each</c>, <c>if</c>…), or the first word.</summary>
    public string Name
    {
        get
        {
            var s = Inner.TrimStart('#', '/', '^').TrimStart();
            var end = s.IndexOfAny([' ', '\t', '\n', '(', ')']);
            return end < 0 ? s : s[..end];
        }
    }

    /// <summary>What follows the name: the block's argument expression.</summary>
    public string Arguments
    {
        get
        {
            var s = Inner.TrimStart('#', '/', '^').TrimStart();
            return s.Length > Name.Length ? s[Name.Length..].Trim() : "";
        }
    }

    /// <summary>Takes the tag out of the text (it moves outside the paragraph, row or cell). The tag has a text node of its own.</summary>
    public void RemoveFromText() => TextNode.Value = "";

    /// <summary>Rewrites the tag in place.</summary>
    public void ReplaceInText(string replacement)
    {
        TextNode.Value = replacement;
        Text = replacement;
    }
}
