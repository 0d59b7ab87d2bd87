namespace DocGen.Workbooks.Reading;

/// <summary>The cells of one sheet that hold something, by row and column (1-based), merged ranges filled from their first cell.</summary>
internal sealed class SheetGrid(string name)
{
    private readonly SortedDictionary<int, SortedDictionary<int, SheetCell>> _rows = [];

    public string Name { get; } = name;

    public int CellCount { get; private set; }

    public int RowCount => _rows.Count;

    public IEnumerable<int> Rows => _rows.Keys;

    public void Set(int row, int column, SheetCell cell)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }

        if (cells.TryAdd(column, cell))
        {
            CellCount++;
        }
    }

    public SheetCell? Get(int row, int column) => _rows.TryGetValue(row, out var cells) ? cells.GetValueOrDefault(column) : null;

    public IEnumerable<(int Column, SheetCell Cell)> CellsOf(int row) => _rows.TryGetValue(row, out var cells) ? cells.Select(static c => (c.Key, c.Value)) : [];

    /// <summary>
    /// A merged range shows its first cell's value in all of it (a clerk merges 项目编码 or 一级指标
    /// down the rows they share): each cell of the range takes that value, until the grid holds
    /// <paramref name="maxCells"/> (the caller then refuses the workbook). The caller has counted
    /// the range's cells and text before: filling costs no more than that.
    /// </summary>
    public void FillMerged(int top, int left, int bottom, int right, int maxCells)
    {
        if (Get(top, left) is not { IsEmpty: false } first)
        {
            return;
        }

        for (var row = top; row <= bottom && CellCount <= maxCells; row++)
        {
            for (var column = left; column <= right; column++)
            {
                if (row != top || column != left)
                {
                    Set(row, column, first with { MergedCopy = true });
                }
            }
        }
    }
}
