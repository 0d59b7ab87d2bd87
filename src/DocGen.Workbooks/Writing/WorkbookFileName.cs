using System.Globalization;
using System.Text.Json.Nodes;
using DocGen.Core.Frameworks;
using DocGen.Core.Model;

namespace DocGen.Workbooks.Writing;

/// <summary>
/// The name <c>docgen workbook</c> gives a workbook when none is asked for: whose it is when the
/// submission says (区直工委-2021-申报表.xlsx: the unit's short name, else its code, and the year),
/// else the name of the JSON it was filled from, else 申报表.xlsx — with the framework's name
/// when it is not the default one (申报表-mof2021.xlsx), so that blank workbooks for two frameworks differ.
/// </summary>
public static class WorkbookFileName
{
    public const string Blank = "申报表.xlsx";

    public static string For(JsonObject? submission, IndicatorFramework framework, string? inputPath = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var unit = UnitLabel.For(Text(submission?["unit"]?["shortName"]), Text(submission?["unit"]?["code"])) ?? "";
        var year = Safe(Text(submission?["fiscalYear"]) ?? "");
        var whose = string.Join("-", new[] { unit, year }.Where(static p => p.Length > 0));
        var suffix = framework.Name == FrameworkCatalog.DefaultName ? "" : "-" + Safe(framework.Name);
        return whose.Length > 0 ? $"{whose}-申报表{suffix}.xlsx"
            : inputPath is not null ? Path.GetFileNameWithoutExtension(inputPath) + ".xlsx"
            : Path.GetFileNameWithoutExtension(Blank) + suffix + ".xlsx";
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && s.Trim().Length > 0 => s.Trim(),
        JsonValue v when v.TryGetValue<int>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Without what Windows, a share or a shell would refuse or misread in a file name: \ / : * ? " &lt; &gt; |, control characters, leading and trailing dots and spaces.</summary>
    private static string Safe(string text) => UnitLabel.Clean(text);
}
