using System.Text.Json;
using System.Text.Json.Serialization;
using DocGen.Core.Json;
using DocGen.Core.Validation;

namespace DocGen.Worker.Service;

/// <summary>What happened to one submission, kept beside it in <c>archive/</c>.</summary>
public sealed record Receipt(
    string Submission,
    string Claim,
    string InputSha256,
    string Output,
    string OutputSha256,
    string Template,
    string TemplateSha256,
    DateTimeOffset ProcessedAt,
    ReceiptTimings Timings,
    IReadOnlyList<ValidationIssue> Warnings);

/// <summary>Milliseconds: reading and validating the input, rendering, and all of it (claim to publish).</summary>
public sealed record ReceiptTimings(double ReadAndValidateMs, double RenderMs, double TotalMs);

/// <summary>
/// The moves that publish a processed claim, written before the first move so that a restart
/// after a crash finishes them instead of processing the submission a second time.
/// </summary>
internal sealed record PublishManifest(string Outcome, string Stem, IReadOnlyList<PublishMove> Moves);

internal sealed record PublishMove(string From, string To, bool Overwrite);

/// <summary>Receipts and manifests: DocGen's output JSON, without the members that are null.</summary>
internal static class ServiceJson
{
    public static readonly JsonSerializerOptions Options = new(OutputJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
