using System.Xml;
using System.Xml.Linq;

namespace DocGen.Rendering.Compilation;

/// <summary>Loads the XML of a template part within <see cref="PackageLimits"/>: no DTD, no external entities, bounded depth and size.</summary>
internal static class SafeXml
{
    /// <summary>Why a part is too deep or too large to load (T10), or null when it is within the limits. Throws <see cref="XmlException"/> for malformed XML.</summary>
    public static (string Message, string MessageEn)? Measure(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), PackageGuard.XmlSettings);
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth > PackageLimits.MaxXmlDepth)
            {
                return ($"XML 嵌套超过 {PackageLimits.MaxXmlDepth} 层（Word 文档不会这样）。", $"The XML is nested deeper than {PackageLimits.MaxXmlDepth} levels (Word never writes that).");
            }

            if (++elements > PackageLimits.MaxXmlElements)
            {
                return ($"XML 元素超过 {PackageLimits.MaxXmlElements:N0} 个。", $"The XML has more than {PackageLimits.MaxXmlElements:N0} elements.");
            }
        }

        return null;
    }

    public static XDocument Load(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), PackageGuard.XmlSettings);
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    /// <summary>A small part read straight from its stream (relationships).</summary>
    public static XDocument Load(Stream stream)
    {
        using var reader = XmlReader.Create(stream, PackageGuard.XmlSettings);
        return XDocument.Load(reader);
    }
}
