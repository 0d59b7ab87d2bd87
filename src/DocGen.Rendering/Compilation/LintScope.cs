namespace DocGen.Rendering.Compilation;

/// <summary>
/// What names mean at one point of a template: the types a field may be looked up on (usually
/// one; several inside a block that was never closed; none when unknown), whether a loop
/// encloses it (<c>@index</c>), and the scope around it (<c>../</c>).
/// </summary>
internal sealed record LintScope(IReadOnlyList<Type> Types, bool InLoop, LintScope? Parent)
{
    public static LintScope Root(Type model) => new([model], InLoop: false, Parent: null);

    /// <summary>A block that keeps the loop state around it (<c>#if</c>, <c>#with</c>).</summary>
    public LintScope Nested(IReadOnlyList<Type> types) => new(types, InLoop, this);

    /// <summary>The body of a loop over items of <paramref name="types"/>.</summary>
    public LintScope Loop(IReadOnlyList<Type> types) => new(types, InLoop: true, this);

    /// <summary>Either this scope or <paramref name="outer"/>: where a block's end is missing, either may be meant.</summary>
    public LintScope OrElse(LintScope outer) => new([.. Types, .. outer.Types.Except(Types)], InLoop || outer.InLoop, outer);
}
