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

    /// <summary>The report with every issue's location named.</summary>
    public static ValidationReport Name(ValidationReport report, Submission? submission)
    {
        ArgumentNullException.ThrowIfNull(report);
        // An issue already placed in the original of a converted submission (a workbook cell) keeps its place.
        return report.Issues.Count == 0 ? report : new ValidationReport([.. report.Issues.Select(i => i.Source is not null ? i : i with { Location = Describe(i, submission) })]);
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
        var parts = new List<string>();
        var shape = Shape.Of(typeof(Submission));
        object? value = submission;
        string? listName = null;
        var segments = Segments(path).ToList();
        for (var k = 0; k < segments.Count; k++)
        {
            var segment = segments[k];
            if (segment.Index is { } index)
            {
                var item = value is IList list && index < list.Count ? list[index] : null;
                parts.Add($"第 {index + 1} {s_itemNouns.GetValueOrDefault(listName ?? "", "项")}{NameOf(item)}");
                value = item;
                shape = shape.ElementType is { } element ? Shape.Of(element) : shape;
                continue;
            }

            var name = segment.Name!;
            if (shape.Kind != ShapeKind.Object || !shape.Members.TryGetValue(name, out var member))
            {
                parts.Add($"“{name}”");
                break; // an unknown property: nothing further is known
            }

            // A list followed by an index is named by the item (第 2 个指标), not by the list too.
            var isList = member.Shape.Kind == ShapeKind.List;
            var indexFollows = k + 1 < segments.Count && segments[k + 1].Index is not null;
            if (!(isList && indexFollows && s_itemNouns.ContainsKey(name)))
            {
                parts.Add(LabelOf(member));
            }

            listName = isList ? name : null;
            value = value is null ? null : member.Property.Get?.Invoke(value);
            shape = member.Shape;
        }

        return parts.Count == 0 ? "整个文件" : string.Join(" → ", parts);
    }

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
    private static string NameOf(object? item) => item switch
    {
        Project { ProjectName: { Length: > 0 } n } => $"“{Shorten(n)}”",
        Indicator { Name: { Length: > 0 } n } => $"“{Shorten(n)}”",
        SpendingCheckpoint { Label: { Length: > 0 } l } => $"“{Shorten(l)}”",
        _ => "",
    };

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";

    private static IEnumerable<(string? Name, int? Index)> Segments(string path)
    {
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                yield return (path[(i + 1)..end], null);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var name = new StringBuilder();
                var j = i + 2;
                for (; j < path.Length && path[j] != '\''; j++)
                {
                    name.Append(path[j] == '\\' && j + 1 < path.Length ? path[++j] : path[j]);
                }

                yield return (name.ToString(), null);
                i = j + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                yield return (null, int.TryParse(path[(i + 1)..end], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0);
                i = end + 1;
            }
            else
            {
                yield break;
            }
        }
    }
}
