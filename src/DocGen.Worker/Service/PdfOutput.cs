using DocGen.Worker.Pdf;

namespace DocGen.Worker.Service;

/// <summary>
/// Whether the service publishes a PDF beside each Word document (<see cref="DocGenOptions.Pdf"/>),
/// and the warm converters that make it when it does.
/// </summary>
public sealed class PdfOutput(PdfConverterPool? converters) : IDisposable
{
    /// <summary>The converters; null when PDF output is off.</summary>
    public PdfConverterPool? Converters { get; } = converters;

    public void Dispose() => Converters?.Dispose();
}
