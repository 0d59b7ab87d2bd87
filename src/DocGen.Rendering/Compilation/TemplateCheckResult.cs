namespace DocGen.Rendering.Compilation;

/// <summary>The outcome of checking one template file: its problems (none when it compiles).</summary>
public sealed record TemplateCheckResult(string Template, bool Ok, IReadOnlyList<TemplateProblem> Problems);
