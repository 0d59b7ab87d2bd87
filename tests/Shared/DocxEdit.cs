using System.IO.Compression;
using System.Text;

namespace DocGen.Tests.Shared;

/// <summary>Makes a variant of a .docx by transforming the text of one of its parts (linked into the test projects).</summary>
internal static class DocxEdit
{
    public static byte[] WithPart(byte[] docx, string partName, Func<string, string> transform)
    {
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var result = new MemoryStream();
        using (var output = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(output.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(entry.FullName == partName ? transform(text) : text);
            }
        }

        return result.ToArray();
    }
}
