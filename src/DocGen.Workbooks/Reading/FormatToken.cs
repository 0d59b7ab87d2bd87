namespace DocGen.Workbooks.Reading;

/// <summary>A piece of a number format section: a digit placeholder, a literal, the point…</summary>
internal readonly record struct FormatToken(FormatTokenKind Kind, string Text);
