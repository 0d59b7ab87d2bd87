namespace DocGen.Worker.IO;

/// <summary>
/// Writes a file so that readers see either nothing or the whole file: the content goes to a
/// hidden temporary name in the same folder, is flushed to disk, then renamed into place.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes bytes atomically.</summary>
    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, bool overwrite, bool flushToDisk, CancellationToken cancellationToken)
        => WriteAsync(path, (s, ct) => s.WriteAsync(content, ct).AsTask(), overwrite, flushToDisk, cancellationToken);

    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, bool overwrite, bool flushToDisk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flushToDisk)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            File.Move(temp, full, overwrite);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
