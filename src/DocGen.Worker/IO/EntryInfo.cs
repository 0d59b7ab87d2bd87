namespace DocGen.Worker.IO;

/// <summary>What <see cref="SafeFile"/> learns of an entry: its kind, size, link count, time and identity.</summary>
public readonly record struct EntryInfo(EntryKind Kind, long Length, long Links, DateTime LastWriteUtc, ulong Inode, ulong Device)
{
    public static EntryInfo Missing { get; } = new(EntryKind.Missing, 0, 0, DateTime.MinValue, 0, 0);

    public FileStamp Stamp => new(Length, LastWriteUtc);
}
