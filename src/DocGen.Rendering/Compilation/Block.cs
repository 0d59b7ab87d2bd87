namespace DocGen.Rendering.Compilation;

/// <summary>
/// A block of a template part (<c>{{#each}}…{{/each}}</c>, <c>{{#if}}…{{else}}…{{/if}}</c>…), or the
/// part itself (the root): its tags, and the tags directly inside it in document order — values,
/// <c>{{else}}</c>s and the open tags of the blocks nested in it.
/// </summary>
internal sealed class Block(Tag? open, Block? parent)
{
    /// <summary>Null for the root.</summary>
    public Tag? Open { get; } = open;

    public Block? Parent { get; } = parent;

    /// <summary>Null while (or when it stays) unclosed.</summary>
    public Tag? Close { get; set; }

    public List<Tag> Elses { get; } = [];

    public List<Tag> Children { get; } = [];

    public string Name => Open?.Name ?? "";

    public bool IsRoot => Open is null;
}
