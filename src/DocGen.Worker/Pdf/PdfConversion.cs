namespace DocGen.Worker.Pdf;

/// <summary>
/// How the conversion of one document ended: the PDF was written (<see cref="Error"/> is null),
/// or it was not after <see cref="Attempts"/> tries, and why. <see cref="Milliseconds"/> is the
/// caller's wait: for a free converter, for LibreOffice, and for any retry.
/// </summary>
public sealed record PdfConversion(double Milliseconds, int Attempts, string? Error)
{
    public bool Succeeded => Error is null;
}
