namespace DocGen.Worker.IO;

/// <summary>What <see cref="SafeFile"/> learns of an entry: its kind, size, link count, time, identity and owner (its user id; 0 where it is not known).</summary>
public readonly record struct EntryInfo(EntryKind Kind, long Length, long Links, DateTime LastWriteUtc, ulong Inode, ulong Device, uint Owner = 0)
{
    public static EntryInfo Missing { get; } = new(EntryKind.Missing, 0, 0, DateTime.MinValue, 0, 0);

    public FileStamp Stamp => new(Length, LastWriteUtc);
}
