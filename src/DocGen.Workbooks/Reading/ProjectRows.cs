using DocGen.Workbooks.Layout;

namespace DocGen.Workbooks.Reading;

/// <summary>The projects of a workbook by their 项目编码, for the rows of other sheets (goals, indicators) that name them.</summary>
internal sealed class ProjectRows
{
    private readonly Dictionary<string, int> _byCode = new(StringComparer.Ordinal);

    /// <summary>Records project <paramref name="index"/> under its code; false when another project has it already.</summary>
    public bool TryAdd(string code, int index) => _byCode.TryAdd(code, index);

    /// <summary>The project a row belongs to, by its code (or the only project when the code is left empty); null after reporting why none.</summary>
    public int? Owner(SheetGrid sheet, TableHeader header, int row, string listName, int projects, ReadContext context)
    {
        var typed = header.CodeColumn > 0 ? sheet.Get(row, header.CodeColumn)?.Text ?? "" : "";
        var code = Core.Json.ValueSlips.ToHalfWidth(typed);
        var place = CellPlace.Cell(sheet.Name, row, header.AnchorCodeColumn);
        if (code.Length == 0)
        {
            if (projects == 1)
            {
                return 0;
            }

            context.Report(WorkbookIssues.NoProjectCode("$.projects", sheet.Name), place);
            return null;
        }

        if (_byCode.TryGetValue(code, out var owner))
        {
            return owner;
        }

        context.Report(WorkbookIssues.UnknownProject("$.projects", typed, listName == "goals" ? WorkbookLayout.GoalsSheet : WorkbookLayout.IndicatorsSheet), place);
        return null;
    }
}
