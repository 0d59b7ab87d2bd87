using System.Text.Json.Nodes;
using DocGen.Core.Frameworks;
using DocGen.Workbooks.Layout;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// A cell's value in the JSON, by the kind of its field: numbers as exact decimals (a
/// percent-formatted cell in percent), Chinese names of choices as the JSON's names, a list typed
/// in one cell split into its items, anything else as the text the clerk sees. What cannot be
/// mapped goes in as typed, for the validator to report with its usual words.
/// </summary>
internal static class CellJson
{
    private static readonly char[] s_listSeparators = ['、', '；', ';', '，', ',', '\n'];

    public static JsonNode ToJson(Field field, SheetCell cell, FrameworkCatalog frameworks) => field.Kind switch
    {
        FieldKind.Whole or FieldKind.Amount or FieldKind.Number or FieldKind.Percent => Number(cell),
        FieldKind.Kind => JsonValue.Create(Choice(WorkbookLayout.Kinds, cell.Text)),
        FieldKind.Nature => JsonValue.Create(Choice(WorkbookLayout.Natures, cell.Text)),
        FieldKind.Framework => JsonValue.Create(FrameworkName(frameworks, cell.Text)),
        FieldKind.List => new JsonArray([.. cell.Text.Split(s_listSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(static s => (JsonNode)JsonValue.Create(s))]),
        _ => JsonValue.Create(cell.Text),
    };

    /// <summary>A number cell as a JSON number (in percent when percent-formatted); text as text, for the validator to judge.</summary>
    private static JsonNode Number(SheetCell cell)
        => cell.Number is { } number ? JsonNode.Parse(cell.IsPercent ? CellText.Percent(number) : number)! : JsonValue.Create(cell.Text);

    private static string Choice(IReadOnlyList<(string Chinese, string Json)> choices, string text)
    {
        foreach (var (chinese, json) in choices)
        {
            if (Field.Normalize(text) == Field.Normalize(chinese) || string.Equals(text, json, StringComparison.OrdinalIgnoreCase))
            {
                return json;
            }
        }

        return text;
    }

    /// <summary>A framework by its title (what the drop-down shows) or its name; the text itself when it is neither.</summary>
    public static string FrameworkName(FrameworkCatalog frameworks, string text)
    {
        foreach (var name in frameworks.Names)
        {
            if (frameworks.Find(name) is { } framework && (Field.Normalize(text) == Field.Normalize(framework.Title ?? name) || text == name))
            {
                return name;
            }
        }

        return text;
    }
}
