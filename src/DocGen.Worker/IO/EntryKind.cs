namespace DocGen.Worker.IO;

/// <summary>What a directory entry is, as the file system says without following a link.</summary>
public enum EntryKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}
