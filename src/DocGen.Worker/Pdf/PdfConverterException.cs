namespace DocGen.Worker.Pdf;

/// <summary>A converter failed: it could not start, did not answer in time, died, or could not convert a document.</summary>
public sealed class PdfConverterException : Exception
{
    public PdfConverterException()
    {
    }

    public PdfConverterException(string message)
        : base(message)
    {
    }

    public PdfConverterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
