using System.Globalization;
using DocGen.Core.Validation;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// Streams one worksheet into its <see cref="SheetGrid"/>: rows, cells (shared strings, inline
/// strings, numbers, booleans, errors, formulas without a value) and merged ranges. Every bound
/// is counted as the XML goes by, so a row of millions of cells is refused at its 16,385th, and
/// text as it expands: each cell's in the cell, a merged range's in each of its cells.
/// </summary>
internal sealed class SheetReader(IReadOnlyList<string> strings, CellStyles styles, bool date1904, WorkbookLimits limits)
{
    /// <summary>Reads the sheet; <paramref name="cellsLeft"/> is what the workbook's cell limit leaves for it.</summary>
    public SheetGrid Read(PartXml xml, string name, int cellsLeft)
    {
        var grid = new SheetGrid(name);
        var rowNumber = 0;
        var column = 0;
        var cellsInRow = 0;
        var cellsInSheet = 0;
        while (xml.Read())
        {
            if (xml.IsElement("row"))
            {
                rowNumber = Number(xml.Attribute("r")) is { } index and > 0 and <= 1_048_576 ? index : rowNumber + 1;
                xml.Row = rowNumber;
                column = 0;
                cellsInRow = 0;
            }
            else if (xml.IsElement("c"))
            {
                column = xml.Attribute("r") is { } written && CellPlace.Parse(written) is { } place ? place.Column : column + 1;
                if (++cellsInRow > limits.MaxCellsPerRow || ++cellsInSheet > limits.MaxCellsPerSheet)
                {
                    throw xml.Limit(
                        string.Create(CultureInfo.InvariantCulture, $"单元格过多（每行最多 {limits.MaxCellsPerRow:N0} 个，每个工作表最多 {limits.MaxCellsPerSheet:N0} 个）"),
                        string.Create(CultureInfo.InvariantCulture, $"too many cells (at most {limits.MaxCellsPerRow:N0} a row, {limits.MaxCellsPerSheet:N0} a sheet)"));
                }

                var reference = CellPlace.ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture);
                if (ReadCell(xml, reference) is { IsEmpty: false } value)
                {
                    // Spent in every cell that shows it: a shared string each time it is referred to.
                    if (!xml.TrySpendText(value.Characters))
                    {
                        throw xml.OverText($"到单元格 {reference} 为止，", $"by the cell {reference}, ");
                    }

                    grid.Set(rowNumber, column, value);
                    CheckSize(xml, grid, cellsLeft);
                }
            }
            else if (xml.IsElement("mergeCell"))
            {
                xml.Row = 0;
                if (xml.Attribute("ref") is { } range && range.Split(':') is [var from, var to] && CellPlace.Parse(from) is { } a && CellPlace.Parse(to) is { } b)
                {
                    // Clipped: a range over a whole sheet must not make billions of cells.
                    var (bottom, right) = (Math.Min(b.Row, a.Row + limits.MaxRows), Math.Min(b.Column, a.Column + 64));
                    if (grid.Get(a.Row, a.Column) is { IsEmpty: false } first && bottom >= a.Row && right >= a.Column)
                    {
                        cellsInSheet += Merged(xml, CellPlace.Cell(name, a.Row, a.Column), range, ((long)(bottom - a.Row + 1) * (right - a.Column + 1)) - 1, first.Characters, cellsInSheet);
                        grid.FillMerged(a.Row, a.Column, bottom, right, cellsLeft);
                        CheckSize(xml, grid, cellsLeft);
                    }
                }
            }
        }

        return grid;
    }

    /// <summary>
    /// A merged range shows its first cell in each of its other <paramref name="cells"/> cells: they
    /// count as cells of the sheet and spend its text, before any is filled (a 14 KB workbook can
    /// merge 19,000 characters down 9,880 rows). The cells it adds to the sheet's count.
    /// </summary>
    private int Merged(PartXml xml, SourcePlace at, string range, long cells, int characters, int cellsInSheet)
    {
        if (cellsInSheet + cells > limits.MaxCellsPerSheet)
        {
            throw xml.Limit(
                string.Create(CultureInfo.InvariantCulture, $"合并区域 {range} 使单元格过多（每个工作表最多 {limits.MaxCellsPerSheet:N0} 个，合并区域的每个单元格都计入）"),
                string.Create(CultureInfo.InvariantCulture, $"the merged range {range} makes too many cells (at most {limits.MaxCellsPerSheet:N0} a sheet, each cell of a merged range counted)"),
                at);
        }

        if (!xml.TrySpendText(cells * characters))
        {
            throw xml.OverText(
                string.Create(CultureInfo.InvariantCulture, $"合并区域 {range} 的每个单元格都显示首格的 {characters:N0} 个字符，"),
                string.Create(CultureInfo.InvariantCulture, $"the merged range {range} shows the {characters:N0} characters of its first cell in each of its {cells + 1:N0} cells: "),
                at);
        }

        return (int)cells;
    }

    private void CheckSize(PartXml xml, SheetGrid grid, int cellsLeft)
    {
        if (grid.RowCount > limits.MaxRows)
        {
            throw xml.Limit(
                string.Create(CultureInfo.InvariantCulture, $"有内容的行超过 {limits.MaxRows:N0} 行"),
                string.Create(CultureInfo.InvariantCulture, $"over {limits.MaxRows:N0} rows with content"));
        }

        if (grid.CellCount > cellsLeft)
        {
            throw xml.Limit(
                string.Create(CultureInfo.InvariantCulture, $"整个工作簿有内容的单元格超过 {limits.MaxCells:N0} 个（合并区域的每个单元格都计入）"),
                string.Create(CultureInfo.InvariantCulture, $"over {limits.MaxCells:N0} filled cells in the workbook (each cell of a merged range counted)"));
        }
    }

    /// <summary>The cell the reader is on, read to its end: what the clerk sees in it.</summary>
    private SheetCell? ReadCell(PartXml xml, string reference)
    {
        var type = xml.Attribute("t");
        var style = Number(xml.Attribute("s")) is { } s ? (uint)s : 0u;
        if (xml.Xml.IsEmptyElement)
        {
            return null;
        }

        string? raw = null;
        string? inline = null;
        var formula = false;
        var depth = xml.Xml.Depth;
        while (xml.Read() && !xml.IsEnd(depth))
        {
            if (xml.Xml.Depth != depth + 1)
            {
                continue;
            }

            if (xml.IsElement("v"))
            {
                raw = xml.ReadText(runs: false, $"单元格 {reference} ", $"the cell {reference}");
            }
            else if (xml.IsElement("is"))
            {
                inline = xml.ReadText(runs: true, $"单元格 {reference} ", $"the cell {reference}");
            }
            else if (xml.IsElement("f"))
            {
                formula = true;
                xml.SkipElement();
            }
        }

        return Value(type, style, raw, inline, formula);
    }

    private SheetCell? Value(string? type, uint style, string? raw, string? inline, bool formula)
    {
        // No cached value, or an empty one where the result is not text (a program writes <v></v>
        // for a formula it never calculated; a formula whose result is "" is saved as t="str").
        if (formula && (raw is null || raw.Length == 0 && type is not ("str" or "inlineStr")))
        {
            return new SheetCell("", FormulaWithoutValue: true);
        }

        switch (type)
        {
            case "s":
                return Number(raw) is { } index && index < strings.Count ? Text(strings[index], style) : null;
            case "inlineStr":
                return inline is null ? null : Text(inline, style);
            case "e" when raw is not null:
                return new SheetCell("", ErrorValue: raw.Trim());
            case "b" when raw is not null:
                return new SheetCell(raw.Trim() == "1" ? "TRUE" : "FALSE", IsBoolean: true);
            case "str" when raw is not null:
                return Text(raw, style);
            case "d" when raw is not null:
                return new SheetCell(CellText.Clean(raw));
        }

        if (raw is null)
        {
            return null;
        }

        // A date or time is a number with a date format: the text the cell shows, never the serial.
        if (styles.DateFormatOf(style) is { } format && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && DateFormat.Show(serial, format, date1904) is { } shown)
        {
            return new SheetCell(shown, IsDate: true);
        }

        // A number, as stored (a double's text): the decimal Excel shows, 15 significant digits, and the text its format shows.
        if (CellText.Decimal(raw) is not { } number)
        {
            return new SheetCell(CellText.Clean(raw));
        }

        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) || styles.DisplayOf(style).Show(exact) is not { } display)
        {
            return new SheetCell(number, number, styles.IsPercent(style)); // a format not reproduced (Chinese numerals): the number as the formula bar shows it
        }

        return new SheetCell(CellText.Clean(display.Text), number, styles.IsPercent(style), HidesDigits: display.Value != exact);
    }

    /// <summary>A text cell as its format shows it (a format's text section may add to it: <c>@"元"</c>).</summary>
    private SheetCell Text(string text, uint style) => new(CellText.Clean(styles.DisplayOf(style).ShowText(text)));

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
