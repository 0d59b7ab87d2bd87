using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using DocGen.Core.Model;

namespace DocGen.Core.Json;

/// <summary>
/// Generates the JSON Schema of a submission from the model and its serialisation contract, so
/// the schema shipped in <c>schemas/submission.schema.json</c> is never written by hand.
/// </summary>
public static class SchemaGenerator
{
    public const string SchemaId = "https://docgen.local/schemas/submission.schema.json";

    public static JsonObject Generate()
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };
        var node = (JsonObject)SubmissionJson.Options.GetJsonSchemaAsNode(typeof(Submission), exporterOptions);

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = SchemaId,
            ["title"] = "DocGen 预算绩效目标申报 submission",
        };
        foreach (var (key, value) in node.ToArray())
        {
            node.Remove(key);
            if (!root.ContainsKey(key))
            {
                root[key] = value;
            }
        }

        return root;
    }

    /// <summary>The schema as the text shipped in the repo (indented, LF line ends, final newline).</summary>
    public static string GenerateText()
        => Generate().ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).ReplaceLineEndings("\n") + "\n";

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(decimal))
        {
            // A custom converter exports as the “anything” schema; amounts are exact decimals,
            // written as a string ("30000.00") or a plain number.
            schema = new JsonObject
            {
                ["type"] = new JsonArray("string", "number", "null"),
                ["pattern"] = @"^\s*-?\d+(\.\d+)?\s*$",
            };
        }

        if (schema is not JsonObject obj)
        {
            return schema;
        }

        var attributes = context.PropertyInfo?.AttributeProvider;
        if (attributes is not null)
        {
            if (attributes.GetCustomAttributes(typeof(DescriptionAttribute), false).FirstOrDefault() is DescriptionAttribute description)
            {
                obj.Insert(0, "description", description.Description);
            }

            if (attributes.GetCustomAttributes(typeof(AllowedValuesAttribute), false).FirstOrDefault() is AllowedValuesAttribute allowed)
            {
                obj["enum"] = new JsonArray([.. allowed.Values.Select(static v => v is null ? null : JsonValue.Create((string)v))]);
            }
        }
        else if (context.PropertyInfo is null && underlying.GetCustomAttribute<DescriptionAttribute>() is { } typeDescription && !obj.ContainsKey("description"))
        {
            obj.Insert(0, "description", typeDescription.Description);
        }

        if (context.TypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
        {
            var required = context.TypeInfo.Properties
                .Where(static p => p.AttributeProvider?.IsDefined(typeof(RequiredMemberAttribute), false) == true)
                .Select(static p => (JsonNode?)JsonValue.Create(p.Name))
                .ToArray();
            if (required.Length > 0)
            {
                obj["required"] = new JsonArray(required);
            }
        }

        return obj;
    }
}
