using System.Text.Json.Serialization;

namespace DocGen.Core.Validation;

/// <summary>The JSON report described at compile time (System.Text.Json source generation): no serializer built by reflection for the first rejected file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
