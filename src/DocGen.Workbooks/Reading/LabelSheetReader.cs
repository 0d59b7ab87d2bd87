using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocGen.Core.Json;
using DocGen.Workbooks.Layout;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// Reads a sheet of labelled rows (基本信息, 部门整体绩效目标): label in column A, value in column
/// B, in sections that start at their title row; item rows (一是, 二是, …, 分项) become a list. A
/// label it does not know, with something filled beside it, is reported (X8), never dropped
/// silently; on a sheet the submission needs, a changed label is found by resemblance and named
/// once (X7, its value read), and a missing one named once (X7, its value not reported again as missing).
/// </summary>
internal static partial class LabelSheetReader
{
    /// <summary>A sheet of label rows (column A) and values (column B), in sections.</summary>
    public static void Read(ReadContext context, SheetGrid sheet, IReadOnlyList<LabelledSection> sections, JsonObject root, bool needed)
    {
        var section = sections[0].Title is null ? sections[0] : null;
        var items = new Dictionary<LabelledSection, JsonArray>();
        var seen = new HashSet<(LabelledSection, Field)>();
        var unknown = new List<(LabelledSection? Section, int Row, string Label, SheetCell? Value)>();
        foreach (var row in sheet.Rows)
        {
            context.CheckTime(sheet.Name, row);
            var label = sheet.Get(row, 1)?.Text ?? "";
            var value = sheet.Get(row, 2);
            if (sections.FirstOrDefault(s => s.Title is not null && Field.Normalize(label).StartsWith(Field.Normalize(s.Title), StringComparison.Ordinal)) is { } title)
            {
                section = title;
                context.Map.Add(SectionPath(title), CellPlace.Cell(sheet.Name, row, 1)); // a section's own issues: at its title
                continue;
            }

            if (label.Length == 0 && value is null || Field.Normalize(label) == WorkbookLayout.LabelHeader)
            {
                continue;
            }

            if (section?.Fields.FirstOrDefault(f => f.Matches(label)) is { } field)
            {
                seen.Add((section, field));
                ReadField(context, sheet, root, section, field, row, value);
            }
            else if (section?.Items is { } itemsName && IsItemLabel(label))
            {
                if (value is { MergedCopy: true })
                {
                    continue; // an item merged down over the next rows is one item, read at its first row
                }

                var list = items.TryGetValue(section, out var existing) ? existing : items[section] = [];
                var path = $"{ReadContext.Join(SectionPath(section), itemsName)}[{list.Count}]";
                context.Map.Add(ReadContext.Join(SectionPath(section), itemsName), CellPlace.Cell(sheet.Name, row, 2));
                if (context.Value(new Field(label, itemsName, FieldKind.Text), value, path, sheet.Name, row, 2) is { } node)
                {
                    context.Map.Add(path, CellPlace.Cell(sheet.Name, row, 2));
                    list.Add(node);
                }
            }
            else
            {
                unknown.Add((section, row, label, value));
            }
        }

        foreach (var owner in needed ? sections : [])
        {
            foreach (var field in owner.Fields.Where(f => !seen.Contains((owner, f))))
            {
                // A label changed (单位编码 → 单位代码): its row is read as the field, and the change named once.
                var candidates = unknown.Where(u => u.Section == owner && u.Label.Length > 0).ToList();
                if (LabelMatch.Best(field.Label, [.. candidates.Select(static c => c.Label)]) is var at and >= 0)
                {
                    var (_, row, typed, value) = candidates[at];
                    unknown.Remove(candidates[at]);
                    context.Report(WorkbookIssues.RenamedLabel(field.Label, typed, column: false), CellPlace.Cell(sheet.Name, row, 1));
                    ReadField(context, sheet, root, owner, field, row, value);
                }
                else
                {
                    context.Report(WorkbookIssues.MissingLabel(sheet.Name, field.Label, column: false), CellPlace.Sheet(sheet.Name));
                    context.Unreadable.Add(ReadContext.Join(SectionPath(owner), field.Json));
                }
            }
        }

        foreach (var (_, row, label, value) in unknown.Where(static u => u.Value is { IsEmpty: false }))
        {
            context.Report(WorkbookIssues.UnknownLabel(JsonPath.Root, label.Length == 0 ? "（空白）" : label), CellPlace.Cell(sheet.Name, row, label.Length == 0 ? 2 : 1));
        }

        foreach (var (owner, list) in items)
        {
            if (list.Count > 0)
            {
                SectionObject(root, owner)[owner.Items!] = list;
            }
        }
    }

    private static void ReadField(ReadContext context, SheetGrid sheet, JsonObject root, LabelledSection section, Field field, int row, SheetCell? value)
    {
        var path = ReadContext.Join(SectionPath(section), field.Json);
        context.Map.Add(path, CellPlace.Cell(sheet.Name, row, 2));
        if (context.Value(field, value, path, sheet.Name, row, 2) is { } node)
        {
            ReadContext.Set(SectionObject(root, section), field.Json, node);
        }
    }

    private static JsonObject SectionObject(JsonObject root, LabelledSection section)
    {
        if (section.Json.Length == 0)
        {
            return root;
        }

        if (root[section.Json] is not JsonObject existing)
        {
            root[section.Json] = existing = [];
        }

        return existing;
    }

    private static string SectionPath(LabelledSection section) => section.Json.Length == 0 ? JsonPath.Root : "$." + section.Json;

    /// <summary>一是, 二是, … 十二是, or 分项 (a row a clerk added).</summary>
    private static bool IsItemLabel(string label) => ItemLabel().IsMatch(Field.Normalize(label));

    [GeneratedRegex(@"^([一二三四五六七八九十]+是|分项\d*)$")]
    private static partial Regex ItemLabel();
}
