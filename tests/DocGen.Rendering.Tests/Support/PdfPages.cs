using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace DocGen.Rendering.Tests.Support;

/// <summary>The pages of a PDF as a reader sees them: size, lines of text (letters on one baseline, left to right) with positions.</summary>
internal sealed class PdfPages
{
    private PdfPages(List<PdfPage> pages) => Pages = pages;

    public List<PdfPage> Pages { get; }

    public static PdfPages Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return new PdfPages([.. document.GetPages().Select(static p => PdfPage.Of(p))]);
    }

    /// <summary>The (0-based) page whose text contains <paramref name="text"/> (spaces ignored), or -1.</summary>
    public int PageOf(string text) => Pages.FindIndex(p => p.Lines.Any(l => l.Text.Contains(text, StringComparison.Ordinal)) || p.Joined.Contains(text, StringComparison.Ordinal));

    /// <summary>Whether some line of some page holds <paramref name="text"/> whole (it did not wrap).</summary>
    public bool OnOneLine(string text) => Pages.Any(p => p.Lines.Any(l => l.Text.Contains(text, StringComparison.Ordinal)));
}

internal sealed record PdfLine(string Text, double Left, double Right, double Baseline);

internal sealed record PdfPage(double Width, double Height, List<PdfLine> Lines)
{
    /// <summary>All the page's text, lines top to bottom, without spaces.</summary>
    public string Joined { get; } = string.Concat(Lines.Select(static l => l.Text));

    /// <summary>The lines of the body: above the footer (the bottom margin of GB/T 9704 is 35 mm, about 99 pt).</summary>
    public IEnumerable<PdfLine> Body => Lines.Where(l => l.Baseline > 99);

    /// <summary>The page number line (“— N —”), if any.</summary>
    public PdfLine? Footer => Lines.LastOrDefault(static l => l.Baseline <= 99 && l.Text.Contains('—', StringComparison.Ordinal));

    public static PdfPage Of(Page page)
    {
        var lines = page.Letters
            .Where(static l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(static l => Math.Round(l.StartBaseLine.Y / 2) * 2)
            .OrderByDescending(static g => g.Key)
            .Select(static g =>
            {
                var letters = g.OrderBy(static l => l.StartBaseLine.X).ToList();
                var text = new StringBuilder();
                foreach (var letter in letters)
                {
                    text.Append(letter.Value);
                }

                return new PdfLine(text.ToString(), letters[0].BoundingBox.Left, letters[^1].BoundingBox.Right, g.Key);
            })
            .ToList();
        return new PdfPage(page.Width, page.Height, lines);
    }
}
