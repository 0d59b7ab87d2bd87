namespace DocGen.Worker.IO;

/// <summary>The result of <see cref="SafeFile.Read"/>: the outcome, what the entry is, and its bytes when read.</summary>
public sealed record SafeRead(SafeReadOutcome Outcome, EntryInfo Info, byte[]? Bytes, string? Error = null)
{
    /// <summary>Bytes already in hand (a program's, a benchmark's): read, with nothing known of the file they came from.</summary>
    public static SafeRead Of(byte[] bytes) => new(SafeReadOutcome.Read, default, bytes);
}
