using System.Globalization;
using DocGen.Core.Frameworks;
using DocGen.Workbooks.Layout;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Workbooks.Writing;

/// <summary>
/// The hidden sheet of drop-down choices and their defined names: the framework's 一级指标, one
/// list of 二级指标 per 一级 (a 二级 cell offers those of its row's 一级, through
/// <c>INDIRECT</c>), the workbook's one framework by its title (the reader checks the 指标体系
/// cell against it), and the framework's units (its file's <c>units</c>).
/// </summary>
internal sealed class ListsSheet(IndicatorFramework framework)
{

    private const string Level1Name = "DocGenLevel1";
    private const string Level2Prefix = "DocGenLevel2_";
    private const string FrameworksName = "DocGenFrameworks";
    private const string UnitsName = "DocGenUnits";

    private readonly List<(string Name, string Range)> _names = [];

    /// <summary>The drop-down of a kind of field (a list formula, and whether other values are refused), or null when it has none; the 指标体系 cell offers only the framework the lists come from.</summary>
    public static (string Formula, bool Strict)? For(FieldKind kind) => kind switch
    {
        FieldKind.Kind => (Inline(WorkbookLayout.Kinds.Select(static k => k.Chinese)), true),
        FieldKind.Nature => (Inline(WorkbookLayout.Natures.Select(static n => n.Chinese)), true),
        FieldKind.Comparator => (Inline(WorkbookLayout.ComparatorChoices), true),
        FieldKind.AmountUnit => (Inline(WorkbookLayout.AmountUnits), true),
        FieldKind.Framework => (FrameworksName, true),
        FieldKind.Unit => (UnitsName, false),
        FieldKind.Level1 => (Level1Name, true),

        // Relative to the first cell of the range (C2): its row's 一级 in column B.
        FieldKind.Level2 => ($"INDIRECT(\"{Level2Prefix}\"&MATCH($B2,{Level1Name},0))", true),
        _ => null,
    };

    public SheetWriter Sheet()
    {
        var sheet = new SheetWriter();
        var column = 1;
        Column(sheet, column++, "一级指标", framework.Level1.Select(static l => l.Name), Level1Name);
        for (var i = 0; i < framework.Level1.Count; i++)
        {
            Column(sheet, column++, framework.Level1[i].Name, framework.Level1[i].Level2.Select(static l => l.Name), Level2Prefix + (i + 1).ToString(CultureInfo.InvariantCulture));
        }

        Column(sheet, column++, WorkbookLayout.FrameworkListHeader, [framework.Title ?? framework.Name], FrameworksName);
        Column(sheet, column, "计量单位", framework.Units ?? WorkbookLayout.CommonUnits, UnitsName);
        return sheet;
    }

    public DefinedNames DefinedNames() => new(_names.Select(static n => new DefinedName { Name = n.Name, Text = n.Range }));

    private void Column(SheetWriter sheet, int column, string header, IEnumerable<string> values, string name)
    {
        sheet.Column(column, 24);
        sheet.Text(1, column, header, WorkbookStyles.Header);
        var row = 2;
        foreach (var value in values)
        {
            sheet.Text(row++, column, value, WorkbookStyles.Default);
        }

        var letter = Reading.CellPlace.ColumnName(column);
        _names.Add((name, string.Create(CultureInfo.InvariantCulture, $"'{WorkbookLayout.ListsSheet}'!${letter}$2:${letter}${Math.Max(2, row - 1)}")));
    }

    /// <summary>A list typed in the validation itself: "a,b,c".</summary>
    private static string Inline(IEnumerable<string> values) => "\"" + string.Join(",", values) + "\"";
}
