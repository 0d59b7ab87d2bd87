using System.Text.Json;

namespace DocGen.Core.Json;

/// <summary>
/// How DocGen writes JSON for people and programs (validation reports, template check results,
/// receipts): camelCase, indented, and Chinese left readable instead of <c>\u</c>-escaped.
/// </summary>
public static class OutputJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
