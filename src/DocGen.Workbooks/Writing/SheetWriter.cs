using DocGen.Workbooks.Reading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Workbooks.Writing;

/// <summary>
/// One worksheet being written: cells (text inline, numbers as numbers), column widths and
/// default styles (what a clerk types into an empty cell takes the column's format), frozen
/// header rows and drop-down lists; <see cref="Build"/> puts them in the order the format requires.
/// </summary>
internal sealed class SheetWriter
{
    private readonly SortedDictionary<int, SortedDictionary<int, Cell>> _rows = [];
    private readonly SortedDictionary<int, (double Width, uint Style)> _columns = [];
    private readonly List<DataValidation> _validations = [];
    private readonly Dictionary<int, int> _lines = [];
    private int _frozenRows;

    public void Column(int column, double width, uint style = WorkbookStyles.Default) => _columns[column] = (width, style);

    public void Freeze(int rows) => _frozenRows = rows;

    public void Text(int row, int column, string? text, uint style)
    {
        Put(row, column, new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style,
        });
        if (WorkbookStyles.Wraps(style) && text is { Length: > 0 })
        {
            _lines[row] = Math.Max(_lines.GetValueOrDefault(row, 1), LinesOf(text, _columns.TryGetValue(column, out var c) ? c.Width : 9));
        }
    }

    /// <summary>
    /// The lines a wrapped text takes in a column (a Chinese character is about two widths of
    /// “0”): rows are given their height, as neither Excel nor LibreOffice fits a row to wrapped
    /// text on opening a file.
    /// </summary>
    private static int LinesOf(string text, double width)
        => text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Sum(static ch => ch < 0x2E80 ? 1.1 : 2.05) / Math.Max(1, width - 1))));

    /// <summary>A number, given as its invariant decimal text (exact: no double in between).</summary>
    public void Number(int row, int column, string number, uint style)
        => Put(row, column, new Cell { CellValue = new CellValue(number), StyleIndex = style });

    public void Blank(int row, int column, uint style) => Put(row, column, new Cell { StyleIndex = style });

    /// <summary>A drop-down list on a range (<c>B2:B2000</c>): strict refuses other values, otherwise it warns and lets the clerk keep the value.</summary>
    public void List(string range, string formula, bool strict, string? prompt = null)
        => _validations.Add(new DataValidation
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorStyle = strict ? DataValidationErrorStyleValues.Stop : DataValidationErrorStyleValues.Warning,
            ErrorTitle = strict ? "请从列表中选择" : "不在常用列表中",
            Error = strict ? "请从下拉列表中选择。" : "填写的内容不在下拉列表中。确认无误请选“是”继续使用；否则选“否”修改，或从下拉列表中选择。",
            ShowInputMessage = prompt is not null,
            Prompt = prompt,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
            Formula1 = new Formula1(formula),
        });

    public Worksheet Build()
    {
        // Printed on A4 landscape, as wide as the page: a clerk can print a sheet to check it.
        var sheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0 };
        if (_frozenRows > 0)
        {
            view.Append(new Pane
            {
                VerticalSplit = _frozenRows,
                TopLeftCell = $"A{_frozenRows + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            });
        }

        sheet.Append(new SheetViews(view));
        if (_columns.Count > 0)
        {
            sheet.Append(new Columns(_columns.Select(static c => new Column
            {
                Min = (uint)c.Key,
                Max = (uint)c.Key,
                Width = c.Value.Width,
                CustomWidth = true,
                Style = c.Value.Style == WorkbookStyles.Default ? null : c.Value.Style,
            })));
        }

        var data = new SheetData();
        foreach (var (rowNumber, cells) in _rows)
        {
            var row = new Row { RowIndex = (uint)rowNumber };
            if (_lines.TryGetValue(rowNumber, out var lines) && lines > 1)
            {
                row.Height = Math.Min(409, 14.5 * lines);
                row.CustomHeight = true;
            }

            foreach (var (column, cell) in cells)
            {
                cell.CellReference = CellPlace.ColumnName(column) + rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
                row.Append(cell);
            }

            data.Append(row);
        }

        sheet.Append(data);
        if (_validations.Count > 0)
        {
            sheet.Append(new DataValidations(_validations) { Count = (uint)_validations.Count });
        }

        sheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        sheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return sheet;
    }

    private void Put(int row, int column, Cell cell)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }

        cells[column] = cell;
    }
}
