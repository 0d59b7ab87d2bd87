using System.Globalization;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// Counts the attributes and namespace declarations of each start tag in a part's text, forward
/// only, before <see cref="System.Xml.XmlReader"/> is given it: the parser takes all of a tag's
/// attributes in one read (with its duplicate checks), so a tag of millions would cost minutes
/// before anything could count them. It knows only as much XML as finding tags needs — quoted
/// values (which may hold <c>&gt;</c> and <c>=</c>), comments, CDATA, processing instructions and
/// declarations are skipped whole — and leaves every error for the parser to report.
/// </summary>
internal sealed class MarkupScanner(int maxAttributes, int maxNamespaces)
{
    private const int NameKept = 40;

    private State _state = State.Text;
    private char _quote;
    private int _run; // in a comment, the '-' just seen; in CDATA the ']'; in an instruction 1 after a '?'
    private int _attributes;
    private int _namespaces;
    private int _attributeName; // characters of the attribute name being read
    private int _xmlns; // characters of "xmlns" the attribute name starts with so far; -1 when it does not
    private readonly char[] _element = new char[NameKept];
    private int _elementLength;

    private enum State
    {
        Text,
        Open,
        Bang,
        BangDash,
        Comment,
        CData,
        Declaration,
        DeclarationQuoted,
        Instruction,
        EndTag,
        ElementName,
        InTag,
        AttributeName,
        Quoted,
    }

    /// <summary>When a tag was over a limit: which, in the clerk's words and in English (the element named).</summary>
    public (string What, string WhatEn)? Excess { get; private set; }

    /// <summary>Scans the next characters of the part; false when a start tag in them is over a limit (<see cref="Excess"/> says which).</summary>
    public bool Scan(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (_state)
            {
                case State.Text:
                    var open = text[i..].IndexOf('<');
                    if (open < 0)
                    {
                        return true;
                    }

                    i += open;
                    _state = State.Open;
                    break;
                case State.Open:
                    _state = c switch { '!' => State.Bang, '?' => State.Instruction, '/' => State.EndTag, _ => State.ElementName };
                    _run = 0;
                    if (_state == State.ElementName)
                    {
                        _attributes = 0;
                        _namespaces = 0;
                        _elementLength = 0;
                        _element[_elementLength++] = c;
                    }

                    break;
                case State.Bang:
                    _state = c switch { '-' => State.BangDash, '[' => State.CData, '>' => State.Text, _ => State.Declaration };
                    break;
                case State.BangDash:
                    _state = c == '-' ? State.Comment : State.Declaration;
                    break;
                case State.Comment:
                    // Ends at "-->"; the parser refuses a "--" inside, so counting dashes is enough.
                    _state = c == '>' && _run >= 2 ? State.Text : State.Comment;
                    _run = c == '-' ? _run + 1 : 0;
                    break;
                case State.CData:
                    _state = c == '>' && _run >= 2 ? State.Text : State.CData;
                    _run = c == ']' ? _run + 1 : 0;
                    break;
                case State.Instruction:
                    _state = c == '>' && _run == 1 ? State.Text : State.Instruction;
                    _run = c == '?' ? 1 : 0;
                    break;
                case State.Declaration:
                    // <!DOCTYPE …>: the parser refuses DTDs; its quoted ids may hold '>'.
                    (_state, _quote) = c switch { '>' => (State.Text, _quote), '"' or '\'' => (State.DeclarationQuoted, c), _ => (State.Declaration, _quote) };
                    break;
                case State.DeclarationQuoted:
                    _state = c == _quote ? State.Declaration : State.DeclarationQuoted;
                    break;
                case State.EndTag:
                    _state = c == '>' ? State.Text : State.EndTag;
                    break;
                case State.ElementName:
                    if (IsSpace(c) || c == '/')
                    {
                        _state = State.InTag;
                    }
                    else if (c == '>')
                    {
                        _state = State.Text;
                    }
                    else if (_elementLength < NameKept)
                    {
                        _element[_elementLength++] = c;
                    }

                    break;
                case State.InTag:
                    if (c == '>')
                    {
                        _state = State.Text;
                    }
                    else if (c is '"' or '\'')
                    {
                        (_state, _quote) = (State.Quoted, c);
                    }
                    else if (!IsSpace(c) && c is not ('/' or '='))
                    {
                        if (++_attributes > maxAttributes)
                        {
                            return Over(
                                string.Create(CultureInfo.InvariantCulture, $"XML 元素 <{Element}> 的属性超过 {maxAttributes:N0} 个（Excel 每个元素最多写几十个）"),
                                string.Create(CultureInfo.InvariantCulture, $"the XML element <{Element}> has over {maxAttributes:N0} attributes (Excel writes a few dozen at most)"));
                        }

                        _state = State.AttributeName;
                        _attributeName = 1;
                        _xmlns = c == 'x' ? 1 : -1;
                    }

                    break;
                case State.AttributeName:
                    if (IsSpace(c) || c is '=' or '/' or '>' or '"' or '\'')
                    {
                        if (_xmlns == 5 && !Declared())
                        {
                            return false; // "xmlns" itself: the default namespace
                        }

                        (_state, _quote) = c switch { '>' => (State.Text, _quote), '"' or '\'' => (State.Quoted, c), _ => (State.InTag, _quote) };
                    }
                    else if (_attributeName++ < 5)
                    {
                        _xmlns = _xmlns == _attributeName - 1 && c == "xmlns"[_attributeName - 1] ? _xmlns + 1 : -1;
                    }
                    else if (_attributeName == 6 && _xmlns == 5)
                    {
                        _xmlns = -1;
                        if (c == ':' && !Declared())
                        {
                            return false; // "xmlns:…": a prefix
                        }
                    }

                    break;
                case State.Quoted:
                    var close = text[i..].IndexOf(_quote);
                    if (close < 0)
                    {
                        return true;
                    }

                    i += close;
                    _state = State.InTag;
                    break;
            }
        }

        return true;
    }

    private string Element => new(_element, 0, _elementLength);

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private bool Declared()
        => ++_namespaces <= maxNamespaces || Over(
            string.Create(CultureInfo.InvariantCulture, $"XML 元素 <{Element}> 声明的命名空间超过 {maxNamespaces:N0} 个（Excel 最多声明十几个）"),
            string.Create(CultureInfo.InvariantCulture, $"the XML element <{Element}> declares over {maxNamespaces:N0} namespaces (Excel declares a dozen or so)"));

    private bool Over(string what, string whatEn)
    {
        Excess = (what, whatEn);
        return false;
    }
}
