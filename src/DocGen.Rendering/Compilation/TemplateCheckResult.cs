namespace DocGen.Rendering.Compilation;

/// <summary>The outcome of checking one template file: its problems (none when it compiles), and warnings that do not stop it from being used.</summary>
public sealed record TemplateCheckResult(string Template, bool Ok, IReadOnlyList<TemplateProblem> Problems)
{
    /// <summary>What an admin should fix but the service accepts (T12: a column too narrow for its labels or names).</summary>
    public IReadOnlyList<TemplateProblem> Warnings { get; init; } = [];
}
