namespace DocGen.Workbooks.Reading;

/// <summary>
/// A number as its cell shows it: the text (<c>78%</c>, <c>30,000</c>), and the number that text
/// stands for in the cell's own units (0.78, 30000), or null when the format shows no number at
/// all (<c>"已完成"</c>). Where that number differs from the one the cell holds, the format hides digits.
/// </summary>
internal readonly record struct ShownNumber(string Text, decimal? Value);
