using System.Text.Json.Serialization;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Receipts and manifests, described at compile time (System.Text.Json source generation): the
/// first submissions after a start do not pay for building serializers by reflection.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(PublishManifest))]
[JsonSerializable(typeof(PendingPdfNote))]
internal sealed partial class ServiceJsonContext : JsonSerializerContext;
