namespace DocGen.Workbooks.Reading;

/// <summary>One section of a number format (positive, negative, zero or text), with its condition; <paramref name="Unsupported"/> when it writes Chinese numerals.</summary>
internal sealed record FormatSection(List<FormatToken> Tokens, FormatCondition? Condition, bool Unsupported);
