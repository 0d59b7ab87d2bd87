namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// What the receipt of a generated document says of it, taken when it was made: a document
/// waiting for its PDF holds these (and a workbook's converted JSON), not the input's or the
/// document's bytes, and keeps the template it was made with even if a new one is loaded meanwhile.
/// </summary>
public sealed record DocumentFacts(
    string InputName,
    string InputSha256,
    string DocumentSha256,
    long DocumentBytes,
    double ReadAndValidateMs,
    double RenderMs,
    IReadOnlyList<ReceiptWarnings> Warnings,
    int WarningCount,
    byte[]? Converted,
    string Template,
    string TemplateSha256,
    string Title)
{
    /// <summary>The submission whose unit and year the outputs' names carry (<see cref="OutputOwner"/>).</summary>
    public Core.Model.Submission? Owner { get; init; }

    /// <summary>What to check, published beside the document (<c>x.warnings.txt</c>); null when there is nothing to say.</summary>
    public string? WarningsNote { get; init; }
}
