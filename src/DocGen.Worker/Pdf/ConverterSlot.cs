namespace DocGen.Worker.Pdf;

/// <summary>One place for a converter in the pool; its process is replaced when it fails.</summary>
internal sealed class ConverterSlot(int number)
{
    private PdfBridgeProcess? _bridge;

    public int Number { get; } = number;

    /// <summary>How many converters this place has started (each gets a fresh profile folder).</summary>
    public int Generation { get; set; }

    public PdfBridgeProcess? Bridge
    {
        get => Volatile.Read(ref _bridge);
        set => Volatile.Write(ref _bridge, value);
    }

    /// <summary>Stops the converter, once, whoever calls (its borrower, or the pool's disposal).</summary>
    public void Stop() => Interlocked.Exchange(ref _bridge, null)?.Dispose();
}
