namespace DocGen.Worker.IO;

/// <summary>The result of <see cref="SafeFile.Read"/>: the outcome, what the entry is, and its bytes when read.</summary>
public sealed record SafeRead(SafeReadOutcome Outcome, EntryInfo Info, byte[]? Bytes, string? Error = null);
