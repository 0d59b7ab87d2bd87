using System.Globalization;
using System.Text.Json.Nodes;
using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Workbooks.Layout;

namespace DocGen.Workbooks.Reading;

/// <summary>What reading one workbook collects: where each value came from, the workbook's own issues (placed at their cells), the values that could not be read; and its read time, still counted.</summary>
internal sealed class ReadContext(FrameworkCatalog frameworks, ReadBudget budget)
{
    public CellMap Map { get; } = new();

    public List<ValidationIssue> Issues { get; } = [];

    public List<string> Unreadable { get; } = [];

    /// <summary>A refusal (X10) once reading has taken longer than <see cref="WorkbookLimits.MaxReadTime"/>, placed at the row being turned into the submission.</summary>
    public void CheckTime(string sheet, int row)
    {
        if (budget.IsOverTime)
        {
            var place = CellPlace.Row(sheet, row);
            var issue = WorkbookIssues.TooSlow(budget.Limits.MaxReadTime, place.Location, string.Create(CultureInfo.InvariantCulture, $"the sheet '{sheet}', row {row}"));
            throw new WorkbookLimitException(issue with { Location = place.Location, Source = place.Reference });
        }
    }

    /// <summary>Adds an issue of the workbook itself, placed where the clerk will look.</summary>
    public void Report(ValidationIssue issue, SourcePlace place) => Issues.Add(issue with { Location = place.Location, Source = place.Reference });

    /// <summary>The JSON value of a cell for a field, or null when it is empty or cannot be read (then reported at the cell).</summary>
    public JsonNode? Value(Field field, SheetCell? cell, string path, string sheet, int row, int column)
    {
        if (cell is null || cell.IsEmpty)
        {
            return null;
        }

        if (cell.FormulaWithoutValue || cell.ErrorValue is not null)
        {
            return Refuse(cell.FormulaWithoutValue ? WorkbookIssues.FormulaWithoutValue(path) : WorkbookIssues.ErrorValue(path, cell.ErrorValue!), path, sheet, row, column);
        }

        if (field.Kind is FieldKind.Whole or FieldKind.Amount or FieldKind.Number or FieldKind.Percent)
        {
            if (cell.IsDate || cell.IsBoolean)
            {
                return Refuse(WorkbookIssues.NotANumber(path, field, cell), path, sheet, row, column);
            }

            // Neither the number the clerk sees (rounded) nor the one they do not (held) is printed: they say which.
            if (cell.HidesDigits)
            {
                return Refuse(WorkbookIssues.HiddenDigits(path, field, cell), path, sheet, row, column);
            }
        }

        if (field.Kind == FieldKind.Code && cell.Number is { } number && CellText.SignificantDigits(number) > 15)
        {
            return Refuse(WorkbookIssues.CodeDigitsLost(path, field, number), path, sheet, row, column);
        }

        // The slip an amount's report names (全角数字) is named in a code too, where no rule would say more than “digits only”.
        if (field.Kind == FieldKind.Code && ValueSlips.HasFullWidthCharacters(cell.Text))
        {
            return Refuse(WorkbookIssues.FullWidthCode(path, field, cell.Text), path, sheet, row, column);
        }

        return CellJson.ToJson(field, cell, frameworks);
    }

    /// <summary>A cell whose value cannot mean what its field needs: reported at the cell, and nothing of it reaches the document.</summary>
    private JsonNode? Refuse(ValidationIssue issue, string path, string sheet, int row, int column)
    {
        Report(issue, CellPlace.Cell(sheet, row, column));
        Unreadable.Add(path);
        return null;
    }

    public static string Join(string path, string relative) => relative.Length == 0 ? path : path + "." + relative;

    /// <summary>Sets <c>budget.total</c> in an object, creating <c>budget</c>.</summary>
    public static void Set(JsonObject target, string relative, JsonNode value)
    {
        var parts = relative.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (target[parts[i]] is not JsonObject next)
            {
                target[parts[i]] = next = [];
            }

            target = next;
        }

        target[parts[^1]] = value;
    }
}
