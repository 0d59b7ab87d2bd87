namespace DocGen.Workbooks.Layout;

/// <summary>
/// One value a clerk fills in: its Chinese label (a row label or a column header), its JSON
/// property path relative to the object it belongs to (<c>budget.total</c>), how it is read and
/// formatted, the column width in characters, and a hint shown in the workbook.
/// </summary>
public sealed record Field(string Label, string Json, FieldKind Kind, double Width = 14, string? Hint = null)
{
    /// <summary>Labels typed slightly differently still match: spaces, a trailing colon and full-width brackets do not count.</summary>
    public bool Matches(string label) => string.Equals(Normalize(label), Normalize(Label), StringComparison.Ordinal);

    public static string Normalize(string label)
        => new([.. label.Where(static c => !char.IsWhiteSpace(c) && c is not ('：' or ':' or '*' or '＊'))
            .Select(static c => c switch { '（' => '(', '）' => ')', '，' => ',', _ => c })]);
}
