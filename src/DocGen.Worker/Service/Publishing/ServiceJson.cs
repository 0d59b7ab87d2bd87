using System.Text.Json;
using System.Text.Json.Serialization;
using DocGen.Core.Json;

namespace DocGen.Worker.Service.Publishing;

/// <summary>Receipts and manifests: DocGen's output JSON, without the members that are null, from compile-time metadata.</summary>
internal static class ServiceJson
{
    public static readonly JsonSerializerOptions Options = new(OutputJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = ServiceJsonContext.Default,
    };
}
