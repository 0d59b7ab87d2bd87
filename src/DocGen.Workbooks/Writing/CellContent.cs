using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Core.Frameworks;
using DocGen.Workbooks.Layout;

namespace DocGen.Workbooks.Writing;

/// <summary>
/// What a JSON value looks like in its cell — the inverse of reading: choices by their Chinese
/// names, lists joined with 、, numbers (also numbers written as strings, like the seed's
/// "30000.00") as numbers, percentages as fractions in a percent format; anything else (a slip
/// such as “30,000元”, an amount of three decimals its format would round) as the text it is, so
/// the clerk sees it and fixes it.
/// </summary>
internal static class CellContent
{
    public static void Write(SheetWriter sheet, int row, int column, Field field, JsonNode? value, FrameworkCatalog frameworks)
    {
        var style = StyleOf(field.Kind);
        if (value is null)
        {
            return;
        }

        if (value is JsonArray list)
        {
            sheet.Text(row, column, string.Join("、", list.Select(static item => item is JsonValue v ? Text(v) : item?.ToJsonString())), style);
            return;
        }

        if (value is not JsonValue scalar)
        {
            sheet.Text(row, column, value.ToJsonString(), style);
            return;
        }

        var text = Text(scalar);
        switch (field.Kind)
        {
            case FieldKind.Whole or FieldKind.Amount or FieldKind.Number or FieldKind.Percent when Decimal(text) is { } number && ShowsAllDigits(style, field.Kind == FieldKind.Percent ? number / 100m : number):
                sheet.Number(row, column, Reading.CellText.Plain(field.Kind == FieldKind.Percent ? number / 100m : number), style);
                return;
            case FieldKind.Kind:
                text = Chinese(WorkbookLayout.Kinds, text);
                break;
            case FieldKind.Nature:
                text = Chinese(WorkbookLayout.Natures, text);
                break;
            case FieldKind.Framework:
                text = frameworks.Find(text)?.Title ?? text;
                break;
        }

        sheet.Text(row, column, text, style);
    }

    public static uint StyleOf(FieldKind kind) => kind switch
    {
        FieldKind.Code => WorkbookStyles.Code,
        FieldKind.Amount => WorkbookStyles.Amount,
        FieldKind.Percent => WorkbookStyles.Percent,
        FieldKind.Whole or FieldKind.Number => WorkbookStyles.Number,
        _ => WorkbookStyles.Text,
    };

    /// <summary>The value at <c>budget.total</c> in an object.</summary>
    public static JsonNode? At(JsonNode? node, string relative)
    {
        foreach (var part in relative.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "TRUE",
        JsonValueKind.False => "FALSE",
        _ => value.ToJsonString(),
    };

    /// <summary>
    /// Whether the cell's format shows every digit of a number (30000.005 is 30,000.01 in an
    /// amount's): one it would round is written as text, as it is, for the clerk to see and fix —
    /// read back as a number, it would be refused (X11).
    /// </summary>
    private static bool ShowsAllDigits(uint style, decimal number)
        => Reading.NumberDisplay.Of(WorkbookStyles.CodeOf(style)).Show(number) is not { } shown || shown.Value == number;

    private static decimal? Decimal(string text)
        => decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string Chinese(IReadOnlyList<(string Chinese, string Json)> choices, string text)
        => choices.FirstOrDefault(c => string.Equals(c.Json, text, StringComparison.OrdinalIgnoreCase)).Chinese ?? text;
}
