namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// The PDF copy in a receipt: where it was published and its hash, or — when it could not be made
/// after <see cref="Attempts"/> tries — why not (the Word document is published all the same).
/// </summary>
public sealed record ReceiptPdf(string? Output, string? Sha256, double ConversionMs, int Attempts, string? Error)
{
    /// <summary>
    /// True while the PDF waits for the environment to recover (<see cref="Pdf.PdfConversion.Deferred"/>):
    /// it is made from <c>pdf-pending/</c> and this receipt rewritten with it; absent otherwise.
    /// </summary>
    public bool? Pending { get; init; }
}
