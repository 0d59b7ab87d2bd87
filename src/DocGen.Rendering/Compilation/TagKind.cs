namespace DocGen.Rendering.Compilation;

internal enum TagKind
{
    Expression,
    Open,
    Else,
    Close,
    Comment,
}
