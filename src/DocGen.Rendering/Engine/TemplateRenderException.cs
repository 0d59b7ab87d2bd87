namespace DocGen.Rendering.Engine;

/// <summary>A template failed while filling in data (a field the data does not have, a helper given the wrong value).</summary>
public sealed class TemplateRenderException(string template, string part, Exception inner)
    : Exception($"Template '{template}' failed while rendering {part}: {inner.Message}", inner)
{
    public string Template { get; } = template;

    public string Part { get; } = part;
}
