namespace DocGen.Rendering.Model;

public sealed record UnitView(string Code, string Name, string ShortName);
