using System.Security.Cryptography;
using DocGen.Worker.IO;

namespace DocGen.Worker.Service.Publishing;

/// <summary>The lower-case hex SHA-256 that receipts give.</summary>
public static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hash of a staged file, streamed (a PDF of hundreds of KB is not held whole), opened as a file of DocGen's own.</summary>
    public static string OfFile(string path)
    {
        using var handle = OwnFile.Open(path, create: false, out var found, readOnly: true) ?? throw new IOException($"'{path}' is not the file DocGen staged ({found.Kind}).");
        using var stream = new FileStream(handle, FileAccess.Read);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
