using System.Globalization;
using DocGen.Core.Validation;

namespace DocGen.Workbooks.Reading;

/// <summary>Places in a workbook as a clerk reads them: a sheet, a row of it, or one cell.</summary>
internal static class CellPlace
{
    public static SourcePlace Cell(string sheet, int row, int column)
    {
        var name = ColumnName(column);
        return new SourcePlace(
            string.Create(CultureInfo.InvariantCulture, $"工作表“{sheet}”第 {row} 行 {name} 列（{name}{row}）"),
            string.Create(CultureInfo.InvariantCulture, $"{sheet}!{name}{row}"));
    }

    public static SourcePlace Row(string sheet, int row)
        => new(string.Create(CultureInfo.InvariantCulture, $"工作表“{sheet}”第 {row} 行"), string.Create(CultureInfo.InvariantCulture, $"{sheet}!{row}:{row}"));

    public static SourcePlace Sheet(string sheet) => new($"工作表“{sheet}”", sheet);

    /// <summary>1 → A, 27 → AA.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>“C12” → (12, 3); null when it is not a cell reference.</summary>
    public static (int Row, int Column)? Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16384)
            {
                return null;
            }
        }

        return i > 0 && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row is > 0 and <= 1_048_576
            ? (row, column)
            : null;
    }
}
