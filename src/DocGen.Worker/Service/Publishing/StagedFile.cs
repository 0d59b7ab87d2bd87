using DocGen.Worker.IO;

namespace DocGen.Worker.Service.Publishing;

/// <summary>Files in a claim folder on their way to being published: written once, and flushed to disk before they are renamed into place.</summary>
internal static class StagedFile
{
    /// <summary>
    /// Writes a file inside the claim folder, synchronously (small local writes are faster than a
    /// hop through the thread pool). No temporary name is needed there: a staged file only counts
    /// once the manifest that names it exists, and a claim without one is redone. The name is new
    /// (a claim starts empty and a redo clears its staged files), which spares a truncate.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, fileOffset: 0);
        if (flushToDisk)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    /// <summary>A second staged file with the bytes of one DocGen wrote in the claim (a copy, not a link: a published file has one name).</summary>
    public static void Copy(string source, string path, bool flushToDisk)
    {
        using var from = OwnFile.Open(source, create: false, out var found, readOnly: true) ?? throw new IOException($"'{source}' is not the file DocGen staged ({found.Kind}).");
        var bytes = new byte[found.Length];
        var read = 0;
        while (read < bytes.Length && RandomAccess.Read(from, bytes.AsSpan(read), read) is var n and > 0)
        {
            read += n;
        }

        Write(path, bytes.AsSpan(0, read), flushToDisk);
    }

    /// <summary>Flushes a file another process wrote (the PDF LibreOffice wrote into the claim), opened as a file of DocGen's own.</summary>
    public static void Flush(string path)
    {
        using var handle = OwnFile.Open(path, create: false, out var found) ?? throw new IOException($"'{path}' is not the file DocGen staged ({found.Kind}).");
        RandomAccess.FlushToDisk(handle);
    }

    /// <summary>
    /// Flushes the submitter's file before it is archived: they may have written it without a flush.
    /// Only a regular file with one name is opened, never through a link nor blocking (a link or a
    /// FIFO refused with D10 is moved as it is, never opened).
    /// </summary>
    public static void FlushInput(string path)
    {
        using var handle = OwnFile.Open(path, create: false, out _, readOnly: true);
        if (handle is not null)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }
}
