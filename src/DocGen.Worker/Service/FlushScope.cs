namespace DocGen.Worker.Service;

/// <summary>What one flush covers when <see cref="DocGenOptions.FlushToDisk"/> is on.</summary>
public enum FlushScope
{
    /// <summary>The whole file system when all of DocGen's folders are on one local disk, each file and folder otherwise.</summary>
    Auto,

    /// <summary>Each published file once, and its folders (shared by the documents published together): for network shares.</summary>
    Files,

    /// <summary>The whole file system of the root (<c>syncfs</c>), shared by the documents published together; every folder must be on it.</summary>
    FileSystem,
}
