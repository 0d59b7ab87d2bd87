using System.Text.Json.Serialization;

namespace DocGen.Core.Validation;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Blocks the document.</summary>
    Error,

    /// <summary>The document is generated; the warning is reported beside it.</summary>
    Warning,
}
