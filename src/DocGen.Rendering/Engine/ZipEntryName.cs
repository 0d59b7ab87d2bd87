using System.Text;

namespace DocGen.Rendering.Engine;

/// <summary>A zip entry's name as the package stores it (UTF-8, flagged as such when not ASCII), encoded once per template rather than once per document.</summary>
internal sealed class ZipEntryName
{
    private const ushort Utf8Flag = 1 << 11;

    private ZipEntryName(string text)
    {
        Text = text;
        Utf8 = Encoding.UTF8.GetBytes(text);
        Flags = Ascii.IsValid(Utf8) ? (ushort)0 : Utf8Flag;
    }

    public string Text { get; }

    public byte[] Utf8 { get; }

    /// <summary>The general-purpose flags the name needs: bit 11 (language encoding) for a non-ASCII name.</summary>
    public ushort Flags { get; }

    public static ZipEntryName Of(string text) => new(text);

    public override string ToString() => Text;
}
