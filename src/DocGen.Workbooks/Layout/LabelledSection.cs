namespace DocGen.Workbooks.Layout;

/// <summary>
/// A section of a label sheet: a title row (一、总体绩效目标), then one row per field, label in
/// column A and value in column B; and, when <see cref="Items"/> is set, any number of item rows
/// labelled 一是, 二是, … (or 分项) that become a JSON list.
/// </summary>
public sealed record LabelledSection(string? Title, string Json, IReadOnlyList<Field> Fields, string? Items = null, int BlankItems = 5);
