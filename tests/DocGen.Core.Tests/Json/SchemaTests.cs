using System.Text.Json.Nodes;
using DocGen.Core.Json;
using DocGen.Core.Tests.Support;
using Json.Schema;

namespace DocGen.Core.Tests.Json;

public sealed class SchemaTests
{
    private static readonly JsonSchema s_shipped = JsonSchema.FromFile(Path.Combine(Repo.Root, "schemas", "submission.schema.json"));

    [Fact]
    public void ShippedSchema_EqualsTheSchemaGeneratedFromTheModel()
    {
        var shipped = File.ReadAllText(Path.Combine(Repo.Root, "schemas", "submission.schema.json")).ReplaceLineEndings("\n");

        // To refresh: dotnet run --project src/DocGen.Worker -- schema -o schemas/submission.schema.json
        Assert.Equal(SchemaGenerator.GenerateText(), shipped);
    }

    [Fact]
    public void SeedFixture_ConformsToTheSchema()
    {
        var result = s_shipped.Evaluate(JsonNode.Parse(Seed.Text), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(static d => d.HasErrors).Select(static d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }

    [Theory]
    [InlineData("I003-wrong-types.json")]
    [InlineData("I012-unknown-properties.json")]
    [InlineData("I011-unknown-kind.json")]
    public void ShapeErrors_AreAlsoCaughtByTheSchema(string file)
    {
        var node = JsonNode.Parse(File.ReadAllText(Repo.Fixture("invalid", file)));

        Assert.False(s_shipped.Evaluate(node).IsValid);
    }

    [Fact]
    public void Schema_ListsRequiredMembersAndChineseDescriptions()
    {
        var schema = SchemaGenerator.Generate();

        Assert.Contains("kind", schema["required"]!.AsArray().Select(static n => n!.GetValue<string>()));
        Assert.Contains("单位编码", schema["properties"]!["unit"]!["properties"]!["code"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
    }
}
