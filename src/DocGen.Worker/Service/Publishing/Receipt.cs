using DocGen.Core.Validation;

namespace DocGen.Worker.Service.Publishing;

/// <summary>What happened to one submission, kept beside it in <c>archive/</c>. <see cref="Pdf"/> is present when PDF output is on; <see cref="Converted"/> (the JSON a workbook was read as) for a workbook.</summary>
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
    IReadOnlyList<ReceiptWarnings> Warnings,
    ReceiptPdf? Pdf = null,
    string? Converted = null);
