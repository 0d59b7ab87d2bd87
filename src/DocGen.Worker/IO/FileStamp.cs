namespace DocGen.Worker.IO;

/// <summary>A file's size and last write time at one look: what changes while it is still being written.</summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    /// <summary>The stamp of <paramref name="path"/>, or null when there is no such file.</summary>
    public static FileStamp? Of(string path)
    {
        FileInfo info = new(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
    }
}
