using DocGen.Worker.IO;

namespace DocGen.Worker.Pdf;

/// <summary>
/// The pool's own folder in the temporary folder: the bridge script, the converters' profiles,
/// LibreOffice's temporary files, the small known-good document, private copies of the documents
/// to convert and the PDFs before they are moved out. Made at first use — again at the next use if
/// that failed (a full disk) — after removing what killed DocGens left there; removed at the stop.
/// </summary>
internal sealed class PdfWorkFolder : IDisposable
{
    private const string ScriptResource = "DocGen.Worker.Pdf.docgen-pdf-bridge.py";
    private const string FolderPrefix = "docgen-pdf-";

    private readonly Lock _lock = new();
    private string? _path;
    private bool _disposed;

    /// <summary>The folder, once made (for tests: other pools of the same process have folders of the same prefix).</summary>
    public string? Current
    {
        get
        {
            lock (_lock)
            {
                return _path;
            }
        }
    }

    /// <summary>The bridge script LibreOffice runs.</summary>
    public string Script => Path.Combine(Ensure(), "bridge.py");

    /// <summary>A small document every working converter converts (the warm-up, and the check that the machine is not at fault).</summary>
    public string KnownGoodDocument => Path.Combine(Ensure(), "warm-up.docx");

    /// <summary>Where a converter's profile folders go.</summary>
    public string Profile(int slot, int generation) => Path.Combine(Ensure(), $"profile-{slot}-{generation}");

    /// <summary>The profile every converter's profile is copied from.</summary>
    public string ProfileTemplate => Path.Combine(Ensure(), "profile-template");

    /// <summary>Where converter <paramref name="slot"/> writes its PDF before it is moved out.</summary>
    public string Scratch(int slot) => Path.Combine(Ensure(), $"out-{slot}.pdf");

    /// <summary>The document copied here under a name of this conversion's, if it still has the hash it was made with.</summary>
    public string PrivateCopy(string docx, string expectedSha256, long maxBytes)
    {
        var read = SafeFile.Read(docx, maxBytes);
        if (read.Outcome != SafeReadOutcome.Read || Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(read.Bytes!)) != expectedSha256)
        {
            throw new ChangedDocumentException($"the document to convert is not the one DocGen made ({read.Outcome}): it was changed or replaced after it was written");
        }

        var copy = Path.Combine(Ensure(), $"in-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(copy, read.Bytes!);
        return copy;
    }

    /// <summary>Removes the folder; later uses throw <see cref="ObjectDisposedException"/> (a folder made after the stop would be left behind).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            if (_path is not null)
            {
                TryDeleteFolder(_path); // else swept at the next start
            }
        }
    }

    private string Ensure()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_path is not null && Directory.Exists(_path))
            {
                return _path;
            }

            var folder = ScratchFolders.Create(FolderPrefix).FullName;
            StalePipeSockets.Sweep();
            try
            {
                using (var script = typeof(PdfWorkFolder).Assembly.GetManifestResourceStream(ScriptResource)
                    ?? throw new InvalidOperationException($"The resource {ScriptResource} is missing from the build."))
                using (var file = File.Create(Path.Combine(folder, "bridge.py")))
                {
                    script.CopyTo(file);
                }

                WarmUpDocument.WriteTo(Path.Combine(folder, "warm-up.docx"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                TryDeleteFolder(folder); // a full temporary folder: the next use tries again, and no empty folder is left at each try
                throw;
            }

            return _path = folder;
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
