namespace DocGen.Rendering.Compilation;

/// <summary>One problem of a template: a stable code, where, and what (Chinese first).</summary>
public sealed record TemplateProblem(string Code, TemplateLocation? Location, string Message, string MessageEn)
{
    public override string ToString() => $"[{Code}] {(Location is null ? "" : Location.Describe() + " — ")}{Message} {MessageEn}";
}
