namespace DocGen.Rendering.Compilation;

/// <summary>A template that cannot be compiled; lists every problem found.</summary>
public sealed class TemplateException(string template, IReadOnlyList<TemplateProblem> problems)
    : Exception($"Template '{template}' has {problems.Count} problem(s):\n" + string.Join("\n", problems))
{
    public string Template { get; } = template;

    public IReadOnlyList<TemplateProblem> Problems { get; } = problems;
}
