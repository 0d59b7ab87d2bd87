namespace DocGen.Workbooks.Reading;

/// <summary>What a piece of a number format is.</summary>
internal enum FormatTokenKind
{
    Literal,
    Digit,
    Point,
    Comma,
    Percent,
    Exponent,
    Slash,
    Text,
    General,
}
