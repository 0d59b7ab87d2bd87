using DocGen.Workbooks.Reading;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// The scanner that counts a start tag's attributes before the XML parser sees it: it must count
/// exactly what the parser would (so a real file never trips it), however the text is cut into blocks.
/// </summary>
public sealed class MarkupScannerTests
{
    [Theory]
    [InlineData("<c r=\"A1\" s=\"2\" t=\"s\"><v>0</v></c>", 3, 0)]
    [InlineData("<c r=\"a>b=c d=e f\" t='x>y=\"z'/>", 2, 0)]
    [InlineData("<t>a > b = c d e f</t><c r=\"A1\"/>", 1, 0)]
    [InlineData("<!-- <c a b c d e> a->b --><c r=\"A1\"/>", 1, 0)]
    [InlineData("<t><![CDATA[<c a=\"1\" b=\"2\" c=\"3\"> a]b]]c>]]></t><c a=\"1\" b=\"2\"/>", 2, 0)]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><?pi a=\"1>\" b c d?><a x=\"1\"/>", 1, 0)]
    [InlineData("<!DOCTYPE x SYSTEM \"a>b c d\"><c a=\"1\"/>", 1, 0)]
    [InlineData("<c\n\tr=\"A1\"\r\n  s = \"1\"\n/>", 2, 0)]
    [InlineData("<worksheet xmlns=\"m\" xmlns:r=\"r\" xmlns:mc=\"mc\" mc:Ignorable=\"x14ac\" xmlnsx=\"1\" xmlns_y=\"2\" xml:space=\"preserve\"><c/></worksheet>", 7, 3)]
    public void Scan_CountsTheAttributesAndDeclarationsOfTheBusiestTag_AsTheParserSeesThem(string xml, int attributes, int declarations)
    {
        Assert.Equal((attributes, declarations), Busiest(xml, chunk: xml.Length));
        Assert.Equal((attributes, declarations), Busiest(xml, chunk: 1)); // cut anywhere: the same
        Assert.Equal((attributes, declarations), Busiest(xml, chunk: 3));
    }

    [Fact]
    public void Scan_OverTheAttributeLimit_NamesTheElementAndTheLimit()
    {
        var scanner = new MarkupScanner(maxAttributes: 1_000, maxNamespaces: 100);

        Assert.False(scanner.Scan("<row><c " + string.Concat(Enumerable.Range(0, 1_001).Select(static i => $"a{i}=\"\" ")) + "/></row>"));

        Assert.Contains("<c> 的属性超过 1,000 个", scanner.Excess!.Value.What, StringComparison.Ordinal);
        Assert.Contains("<c> has over 1,000 attributes", scanner.Excess.Value.WhatEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_OverTheNamespaceLimit_NamesTheElementAndTheLimit()
    {
        var scanner = new MarkupScanner(maxAttributes: 1_000, maxNamespaces: 100);

        Assert.False(scanner.Scan("<sst " + string.Concat(Enumerable.Range(0, 101).Select(static i => $"xmlns:p{i}=\"u\" ")) + "/>"));

        Assert.Contains("<sst> 声明的命名空间超过 100 个", scanner.Excess!.Value.What, StringComparison.Ordinal);
        Assert.Contains("declares over 100 namespaces", scanner.Excess.Value.WhatEn, StringComparison.Ordinal);
    }

    /// <summary>The least limits the text passes: the most attributes, and namespace declarations, of one of its tags.</summary>
    private static (int Attributes, int Declarations) Busiest(string xml, int chunk)
    {
        var attributes = Enumerable.Range(0, 20).First(limit => Passes(xml, chunk, limit, 20));
        var declarations = Enumerable.Range(0, 20).First(limit => Passes(xml, chunk, 20, limit));
        return (attributes, declarations);
    }

    private static bool Passes(string xml, int chunk, int maxAttributes, int maxNamespaces)
    {
        var scanner = new MarkupScanner(maxAttributes, maxNamespaces);
        for (var at = 0; at < xml.Length; at += chunk)
        {
            if (!scanner.Scan(xml.AsSpan(at, Math.Min(chunk, xml.Length - at))))
            {
                return false;
            }
        }

        return true;
    }
}
