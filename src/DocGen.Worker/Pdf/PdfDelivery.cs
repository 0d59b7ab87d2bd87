using DocGen.Worker.IO;

namespace DocGen.Worker.Pdf;

/// <summary>A finished PDF moved from the pool's folder to where it was asked for, never through a link someone left there.</summary>
internal static class PdfDelivery
{
    /// <summary>
    /// Moves <paramref name="scratch"/> to <paramref name="pdf"/> (overwritten). On one file system
    /// that is one rename. Across file systems (the temporary folder is local, the data root often a
    /// share) .NET's move would copy onto the target through whatever link is there; the copy is
    /// made under a fresh name beside the target instead (created new: a link there is never
    /// followed), then renamed over it.
    /// </summary>
    public static void MoveOut(string scratch, string pdf)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(pdf))!;
        if (SafeFile.Inspect(folder).Device == SafeFile.Inspect(Path.GetDirectoryName(scratch)!).Device)
        {
            File.Move(scratch, pdf, overwrite: true); // one rename: it replaces the name, never follows it
            return;
        }

        var fresh = Path.Combine(folder, $".docgen-{Guid.NewGuid():N}.pdf.part");
        try
        {
            using (var from = File.OpenRead(scratch))
            using (var to = new FileStream(fresh, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                from.CopyTo(to);
            }

            File.Move(fresh, pdf, overwrite: true);
            File.Delete(scratch);
        }
        catch
        {
            TryDelete(fresh);
            throw;
        }
    }

    /// <summary>Deletes a file of the pool's, if it can (what is left is overwritten by the next copy, removed with the folder).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
