namespace DocGen.Core.Validation;

/// <summary>
/// A place in the original of a converted submission: in words (工作表“绩效指标”第 12 行 C 列（C12）)
/// and as a reference for programs (<c>绩效指标!C12</c>).
/// </summary>
public sealed record SourcePlace(string Location, string Reference);
