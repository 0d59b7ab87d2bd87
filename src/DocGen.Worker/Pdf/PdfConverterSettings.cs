namespace DocGen.Worker.Pdf;

/// <summary>
/// How a <see cref="PdfConverterPool"/> runs: which LibreOffice, how many warm converters, how
/// long one conversion may take before its converter is killed, and how long a start may take.
/// </summary>
public sealed record PdfConverterSettings(LibreOfficeInstallation Installation, int Converters, TimeSpan Timeout, TimeSpan StartTimeout)
{
    /// <summary>Conversions of one document, each on a fresh converter after the first failed.</summary>
    public int MaxAttempts { get; init; } = 2;

    /// <summary>
    /// The default number of converters: one per core, at most four. A conversion keeps one core
    /// busy in LibreOffice, and each converter holds a LibreOffice of its own (about 250 MB resident).
    /// </summary>
    public static int DefaultConverters => Math.Clamp(Environment.ProcessorCount, 1, 4);
}
