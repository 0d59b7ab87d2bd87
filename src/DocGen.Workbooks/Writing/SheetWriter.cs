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
    private int _frozenRows;

    public void Column(int column, double width, uint style = WorkbookStyles.Default) => _columns[column] = (width, style);

    public void Freeze(int rows) => _frozenRows = rows;

    public void Text(int row, int column, string? text, uint style)
        => Put(row, column, new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style,
        });

    /// <summary>A number, given as its invariant decimal text (exact: no double in between).</summary>
    public void Number(int row, int column, string number, uint style)
        => Put(row, column, new Cell { CellValue = new CellValue(number), StyleIndex = style });

    public void Blank(int row, int column, uint style) => Put(row, column, new Cell { StyleIndex = style });

    /// <summary>A drop-down list on a range (<c>B2:B2000</c>): strict refuses other values, otherwise it only warns.</summary>
    public void List(string range, string formula, bool strict, string? prompt = null)
        => _validations.Add(new DataValidation
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorStyle = strict ? DataValidationErrorStyleValues.Stop : DataValidationErrorStyleValues.Information,
            ErrorTitle = strict ? "请从列表中选择" : null,
            Error = strict ? "请从下拉列表中选择。" : null,
            ShowInputMessage = prompt is not null,
            Prompt = prompt,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
            Formula1 = new Formula1(formula),
        });

    public Worksheet Build()
    {
        var sheet = new Worksheet();
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
        sheet.Append(new SheetFormatProperties { DefaultRowHeight = 18 });
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

        sheet.Append(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
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
