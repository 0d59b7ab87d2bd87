using System.IO.Compression;
using System.Xml;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Treats a template as an untrusted package before anything of it is used: its size and shape
/// stay within <see cref="PackageLimits"/> (T10), and it holds nothing that would be copied into
/// every generated document and act on the reader's machine (T11): macros, ActiveX, embedded OLE
/// objects, an attached template, alternative-format chunks, or relationships to external targets
/// other than hyperlinks (Word fetches linked images and templates when a document is opened).
/// </summary>
internal static class PackageGuard
{
    private static readonly string[] s_unsafeRelationships =
    [
        "/vbaProject", "/attachedTemplate", "/aFChunk", "/oleObject", "/package", "/control", "/activeXControlBinary",
        "/subDocument", "/frame", "/wordVbaData", "/keyMapCustomizations",
    ];

    private static readonly string[] s_unsafeContentTypes = ["macroEnabled", "vbaProject", "vbaData", "activeX", "oleObject", "ms-office.activeX"];

    public static List<TemplateProblem> Check(ZipArchive zip)
    {
        var problems = new List<TemplateProblem>();
        if (zip.Entries.Count > PackageLimits.MaxEntries)
        {
            problems.Add(Limit($"模板包含 {zip.Entries.Count} 个部件，超过上限 {PackageLimits.MaxEntries}。", $"The package has {zip.Entries.Count} entries, more than {PackageLimits.MaxEntries}."));
            return problems;
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (IsUnsafeName(name))
            {
                problems.Add(Unsafe($"部件名“{name}”指向包外（含 .. 或绝对路径）。", $"The entry name '{name}' points outside the package ('..' or an absolute path)."));
                continue;
            }

            total += entry.Length;
            if (entry.Length > PackageLimits.MaxEntryBytes || total > PackageLimits.MaxTotalBytes)
            {
                problems.Add(Limit($"部件“{name}”解压后过大（{entry.Length:N0} 字节）。", $"The entry '{name}' is too large uncompressed ({entry.Length:N0} bytes)."));
                return problems;
            }

            if (entry.Length > PackageLimits.RatioFloorBytes && entry.Length > entry.CompressedLength * PackageLimits.MaxRatio)
            {
                problems.Add(Limit($"部件“{name}”压缩比异常（{entry.Length:N0} / {entry.CompressedLength:N0} 字节），可能是“压缩炸弹”。", $"The entry '{name}' has an abnormal compression ratio ({entry.Length:N0} / {entry.CompressedLength:N0} bytes): possibly a zip bomb."));
                return problems;
            }

            var file = name[(name.LastIndexOf('/') + 1)..];
            if (file.StartsWith("vbaProject", StringComparison.OrdinalIgnoreCase) || file.StartsWith("vbaData", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(Unsafe($"模板含有宏（{name}）。", $"The template contains macros ({name})."));
            }
        }

        CheckContentTypes(zip, problems);
        foreach (var rels in zip.Entries.Where(static e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) && !IsUnsafeName(e.FullName)))
        {
            CheckRelationships(rels, problems);
        }

        return problems;
    }

    /// <summary>An entry's bytes, never more than the limit however much its header understates.</summary>
    public static byte[] ReadBounded(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream((int)Math.Min(entry.Length, 1 << 20));
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > PackageLimits.MaxEntryBytes)
            {
                throw new InvalidDataException($"the entry '{entry.FullName}' is larger uncompressed than its header says (over {PackageLimits.MaxEntryBytes:N0} bytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Settings for every XML part of a template: no DTD (no entity expansion), no external resolution, bounded size.</summary>
    public static XmlReaderSettings XmlSettings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = PackageLimits.MaxEntryBytes,
        IgnoreWhitespace = false,
    };

    private static bool IsUnsafeName(string name)
        => name.StartsWith('/') || name.StartsWith('\\') || name.Contains('\\', StringComparison.Ordinal)
            || (name.Length > 1 && name[1] == ':') || name.Split('/').Any(static s => s == "..");

    private static void CheckContentTypes(ZipArchive zip, List<TemplateProblem> problems)
    {
        if (zip.GetEntry("[Content_Types].xml") is not { } types)
        {
            return; // PackageParts reports a package that is not a Word document
        }

        foreach (var contentType in Attributes(types, "ContentType"))
        {
            if (s_unsafeContentTypes.Any(u => contentType.Contains(u, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(Unsafe($"模板声明了不安全的内容类型“{contentType}”（宏或控件）。", $"The template declares the unsafe content type '{contentType}' (macros or controls)."));
            }
        }
    }

    private static void CheckRelationships(ZipArchiveEntry rels, List<TemplateProblem> problems)
    {
        using var stream = rels.Open();
        using var reader = XmlReader.Create(stream, XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
            {
                continue;
            }

            var type = reader.GetAttribute("Type") ?? "";
            var target = reader.GetAttribute("Target") ?? "";
            var external = string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
            if (s_unsafeRelationships.Any(u => type.EndsWith(u, StringComparison.OrdinalIgnoreCase)))
            {
                var what = type[(type.LastIndexOf('/') + 1)..];
                problems.Add(Unsafe($"模板含有不允许的内容（{what}：{target}），它会被复制到每一份生成的文档中。", $"The template holds content that is not allowed ({what}: {target}); it would be copied into every generated document."));
            }
            else if (external && !type.EndsWith("/hyperlink", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(Unsafe($"模板引用了外部资源“{target}”（打开文档时 Word 会去获取）。请改为嵌入。", $"The template links the external resource '{target}' (Word fetches it when the document is opened); embed it instead."));
            }
        }
    }

    private static IEnumerable<string> Attributes(ZipArchiveEntry entry, string attribute)
    {
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.GetAttribute(attribute) is { } value)
            {
                yield return value;
            }
        }
    }

    private static TemplateProblem Limit(string message, string messageEn) => new(RuleCodes.T10, null, message, messageEn);

    private static TemplateProblem Unsafe(string message, string messageEn) => new(RuleCodes.T11, null, message + "请在 Word 中删除后另存为 .docx。", messageEn + " Remove it in Word and save as .docx.");
}
