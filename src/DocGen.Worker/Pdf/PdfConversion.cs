namespace DocGen.Worker.Pdf;

/// <summary>
/// How the conversion of one document ended: the PDF was written (<see cref="Error"/> is null),
/// or it was not after <see cref="Attempts"/> tries, and why. <see cref="Milliseconds"/> is the
/// caller's wait: for a free converter, for LibreOffice, and for any retry.
/// </summary>
public sealed record PdfConversion(double Milliseconds, int Attempts, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>
    /// Not made for a reason outside the document — a temporary folder that is full or gone,
    /// LibreOffice that cannot start, a known-good document that would not convert either — so it
    /// is to be made again once the environment recovers, never dropped for good.
    /// </summary>
    public bool Deferred { get; init; }
}
