using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DocGen.Core.Model;

namespace DocGen.Workbooks.Tests.Support;

/// <summary>
/// A submission's JSON normalised for comparing two forms of it (the original, and what its
/// workbook was read back as): only the model's members (a misspelt member has no cell), no empty
/// values, numbers by value (also numbers written as strings), choices by their JSON names,
/// comparators in their one spelling, text trimmed; <c>$schema</c> and <c>schemaVersion</c> dropped.
/// </summary>
internal static partial class SubmissionJson
{
    public static string Normalise(byte[] json)
        => Normalise(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }), typeof(Submission))?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

    /// <summary>Every number of a JSON text by its value (30000.00 → 30000): the decimal scale is not a difference.</summary>
    public static string Numbers(string json) => NumberPattern().Replace(json, static m => m.Value.Contains('.', StringComparison.Ordinal) ? m.Value.TrimEnd('0').TrimEnd('.') : m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[:\[,]\s*)-?\d+\.\d+(?=\s*[,\]}\n])")]
    private static partial System.Text.RegularExpressions.Regex NumberPattern();

    private static JsonNode? Normalise(JsonNode? node, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                    if (name is "$schema" or "schemaVersion" || !obj.TryGetPropertyValue(name, out var value))
                    {
                        continue;
                    }

                    if (Normalise(value, property.PropertyType) is { } normalised)
                    {
                        result[name] = normalised;
                    }
                }

                return result.Count == 0 ? null : result;
            case JsonArray array:
                var element = type.IsGenericType ? type.GetGenericArguments()[0] : typeof(object);
                var items = array.Select(i => Normalise(i, element) ?? JsonValue.Create("")).ToList();
                return items.Count == 0 ? null : new JsonArray([.. items]);
            case JsonValue value:
                return Scalar(value);
            default:
                return null;
        }
    }

    private static JsonValue? Scalar(JsonValue value)
    {
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : value.ToJsonString();
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            var plain = number.ToString(CultureInfo.InvariantCulture);
            return JsonValue.Create(plain.Contains('.', StringComparison.Ordinal) ? plain.TrimEnd('0').TrimEnd('.') : plain);
        }

        return JsonValue.Create(text switch
        {
            "定量" => "quantitative",
            "定性" => "qualitative",
            "部门整体绩效目标" => "departmentOverall",
            "预算项目绩效目标表" => "projectGoalTable",
            "两者都有" => "combined",
            _ => Comparators.Normalize(text) ?? text,
        });
    }
}
