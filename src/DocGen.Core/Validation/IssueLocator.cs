using System.Collections;
using System.Globalization;
using System.Text;
using DocGen.Core.Json;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>
/// Names where an issue is in the clerk's words, beside its JSON path:
/// <c>$.projects[0].indicators[1].unit</c> → 第 1 个项目“机关工委业务费” → 第 2 个指标“公众满意率” → 计量单位.
/// Labels come from the model's descriptions (the same text the schema shows in an editor); the
/// names of projects, indicators and checkpoints from the submission itself.
/// </summary>
public static class IssueLocator
{
    private static readonly Dictionary<string, string> s_itemNouns = new(StringComparer.Ordinal)
    {
        ["projects"] = "个项目", ["indicators"] = "个指标", ["spendingPlan"] = "个节点", ["goals"] = "条绩效目标",
        ["items"] = "条", ["indicatorNames"] = "个绩效指标名称",
    };

    private static readonly Dictionary<string, string> s_labels = new(StringComparer.Ordinal)
    {
        ["valueText"] = "指标值（文字）", ["$schema"] = "$schema", ["label"] = "节点名称",
    };

    /// <summary>The report with every issue's location named (in words worked out when read: <see cref="ValidationIssue.Location"/>).</summary>
    public static ValidationReport Name(ValidationReport report, Submission? submission)
    {
        ArgumentNullException.ThrowIfNull(report);
        // An issue already placed in the original of a converted submission (a workbook cell) keeps its place.
        return report.Issues.Count == 0 ? report : new ValidationReport([.. report.Issues.Select(i => i.Source is not null ? i : i with { Placed = true, NamedIn = submission })]);
    }

    public static string Describe(ValidationIssue issue, Submission? submission)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Line is { } line)
        {
            return $"第 {line} 行，第 {issue.Column} 个字符";
        }

        return Describe(issue.Path, submission);
    }

    public static string Describe(string path, Submission? submission)
    {
        ArgumentNullException.ThrowIfNull(path);
        // One builder per thread, no list of parts: a 10,000-indicator report names 10,000 places.
        var text = t_text ??= new StringBuilder(128);
        text.Clear();
        var shape = Shape.Of(typeof(Submission));
        object? value = submission;
        string? listName = null;
        var walker = new PathWalker(path);
        while (walker.Next())
        {
            if (walker.Index is { } index)
            {
                var item = value is IList list && index < list.Count ? list[index] : null;
                Separate(text).Append("第 ").Append(index + 1).Append(' ').Append(s_itemNouns.GetValueOrDefault(listName ?? "", "项"));
                AppendNameOf(text, item);
                value = item;
                shape = shape.ElementType is { } element ? Shape.Of(element) : shape;
                continue;
            }

            if (shape.Kind != ShapeKind.Object || !shape.TryGetMember(walker.Name, out var member))
            {
                Separate(text).Append('“').Append(Quoted.Of(walker.Name.ToString())).Append('”');
                break; // an unknown property: nothing further is known
            }

            // A list followed by an index is named by the item (第 2 个指标), not by the list too.
            var isList = member.Shape.Kind == ShapeKind.List;
            if (!(isList && walker.IndexFollows && s_itemNouns.ContainsKey(member.Name)))
            {
                Separate(text).Append(s_memberLabels.GetOrAdd(member, LabelOf));
            }

            listName = isList ? member.Name : null;
            value = value is null ? null : member.Property.Get?.Invoke(value);
            shape = member.Shape;
        }

        return text.Length == 0 ? "整个文件" : text.ToString();
    }

    [ThreadStatic]
    private static StringBuilder? t_text;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Shape.Member, string> s_memberLabels = new();

    private static StringBuilder Separate(StringBuilder text) => text.Length == 0 ? text : text.Append(" → ");

    private static string LabelOf(Shape.Member member)
    {
        if (s_labels.TryGetValue(member.Name, out var label))
        {
            return label;
        }

        var description = member.Description ?? member.Name;
        var word = description.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? description[..space] : description;
        return word.TrimEnd('…').TrimEnd('是') is { Length: > 0 } trimmed ? trimmed : word;
    }

    /// <summary>“机关工委业务费”: the item's own name, when it has one.</summary>
    private static void AppendNameOf(StringBuilder text, object? item)
    {
        var name = item switch
        {
            Project { ProjectName: { Length: > 0 } n } => n,
            Indicator { Name: { Length: > 0 } n } => n,
            SpendingCheckpoint { Label: { Length: > 0 } l } => l,
            _ => null,
        };
        if (name is not null)
        {
            text.Append('“').Append(name.AsSpan(0, Math.Min(name.Length, 20))).Append(name.Length > 20 ? "…”" : "”");
        }
    }
}
