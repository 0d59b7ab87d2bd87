namespace DocGen.Rendering.Compilation;

/// <summary>
/// The blocks of one template part, matched once (<see cref="BlockParser"/>): the compiler moves
/// the closed ones to their boundaries and the linter checks fields in their scopes.
/// </summary>
internal sealed class BlockTree(Block root, IReadOnlyList<Block> closed, IReadOnlyDictionary<Tag, Block> byOpenTag)
{
    public Block Root { get; } = root;

    /// <summary>The blocks that have a close tag, innermost first (the order in which they close).</summary>
    public IReadOnlyList<Block> Closed { get; } = closed;

    /// <summary>The block an open tag starts.</summary>
    public Block BlockOf(Tag open) => byOpenTag[open];
}
