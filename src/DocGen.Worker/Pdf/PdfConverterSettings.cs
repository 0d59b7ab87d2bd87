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
    /// The largest document converted: a bigger one is published without its PDF at once (its
    /// receipt says why) instead of holding a converter for minutes. 2 MiB is about 1,400 projects
    /// and 2,800 pages; LibreOffice converts ~30 pages a second on one core here.
    /// </summary>
    public long MaxDocumentBytes { get; init; } = 2L * 1024 * 1024;

    /// <summary>
    /// A document bigger than this is long (about 180 projects, 350 pages, ten seconds of
    /// LibreOffice): long documents never hold every converter at once, one is kept for short ones.
    /// </summary>
    public long LongDocumentBytes { get; init; } = DefaultLongDocumentBytes;

    /// <summary>The default of <see cref="LongDocumentBytes"/>: 256 KiB.</summary>
    public const long DefaultLongDocumentBytes = 256L * 1024;

    /// <summary>What a conversion may add to <see cref="Timeout"/> per MiB of the document: big documents take longer, small ones are not given their slack.</summary>
    public TimeSpan TimeoutPerMebibyte { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The timeout of one conversion of a document of <paramref name="bytes"/>.</summary>
    public TimeSpan TimeoutFor(long bytes) => Timeout + (TimeoutPerMebibyte * (bytes / 1048576.0));

    /// <summary>
    /// The default number of converters: one per core, at most four. A conversion keeps one core
    /// busy in LibreOffice, and each converter holds a LibreOffice of its own (about 250 MB resident).
    /// </summary>
    public static int DefaultConverters => Math.Clamp(Environment.ProcessorCount, 1, 4);
}
