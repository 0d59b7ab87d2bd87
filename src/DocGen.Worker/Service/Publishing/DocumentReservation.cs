using DocGen.Worker.Service.Claims;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// A stem reserved for a claim's generated document, with what goes beside it staged already
/// (<see cref="Publisher.ReserveDocument"/>): where its outputs will be, for its receipt, and what
/// <see cref="Publisher.PublishDocument"/> then moves. Paths are relative to the root, as receipts give them.
/// </summary>
public sealed record DocumentReservation(Claim Claim, string InputName, string Stem, string Output, string Pdf, string Converted)
{
    /// <summary>Its PDF is staged beside it.</summary>
    internal bool WithPdf { get; init; }

    /// <summary>A workbook's converted JSON is staged, for <c>archive/</c>.</summary>
    internal bool WithConverted { get; init; }

    /// <summary>The clerk's note of warnings is staged, for <c>out/</c>.</summary>
    internal bool WithWarnings { get; init; }

    /// <summary>A copy of the document and its note are staged for <c>pdf-pending/</c>.</summary>
    internal bool WithPdfPending { get; init; }
}
