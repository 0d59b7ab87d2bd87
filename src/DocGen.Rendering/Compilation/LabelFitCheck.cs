using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocGen.Core.Rules;
using static DocGen.Rendering.Compilation.Wml;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Warns (T12) where a table column of the template is too narrow for what it holds: a label the
/// template writes, or — in the cell of <c>{{level1}}</c>/<c>{{merge level1}}</c> or
/// <c>{{level2}}</c> — any of the frameworks' names, would wrap leaving one character alone on its
/// last line (预算规模及资金用/途, 社会效益指/标). Word and LibreOffice break Chinese text between
/// any two characters, so a cell holds ⌊(width − cell margins − indents) ÷ font size⌋ characters a
/// line (a Latin letter or digit counts half); what the check cannot know (the admin's fonts' own
/// widths, punctuation compression) it leaves to the printed-page tests. Meant for a template that
/// compiled (<see cref="TemplateCompiler.Check"/>): its package has passed the guard.
/// </summary>
public static partial class LabelFitCheck
{
    /// <summary>Word's default left and right cell margins (0.19 cm), where neither table nor style sets them.</summary>
    private const int DefaultCellMargin = 108;

    private const double TwipsPerCm = 1440 / 2.54;

    public static IReadOnlyList<TemplateProblem> Check(ReadOnlyMemory<byte> docx, IReadOnlyCollection<string> level1Names, IReadOnlyCollection<string> level2Names)
    {
        ArgumentNullException.ThrowIfNull(level1Names);
        ArgumentNullException.ThrowIfNull(level2Names);
        using var zip = new ZipArchive(new MemoryStream(docx.ToArray(), writable: false), ZipArchiveMode.Read);
        var main = PackageParts.MainDocument(zip);
        var document = Load(zip, main);
        XDocument? stylesPart;
        try
        {
            stylesPart = PackageParts.StylesOf(zip, main) is { } stylesName ? Load(zip, stylesName) : null;
        }
        catch (System.Xml.XmlException)
        {
            stylesPart = null; // the compiler does not read the styles: a broken part is measured with Word's defaults
        }

        var styles = new StyleSizes(stylesPart);
        var warnings = new List<TemplateProblem>();
        var tables = document.Descendants(Tbl).ToList();
        foreach (var (table, t) in tables.Select(static (t, i) => (t, i + 1)))
        {
            var (tableLeft, tableRight) = Margins(table.Element(W + "tblPr")?.Element(W + "tblCellMar"), styles.CellMargins(table));
            foreach (var (row, r) in table.Elements(Tr).Select(static (r, i) => (r, i + 1)))
            {
                foreach (var (cell, c) in row.Elements(Tc).Select(static (c, i) => (c, i + 1)))
                {
                    var tcW = cell.Element(TcPr)?.Element(TcW);
                    if ((string?)tcW?.Attribute(WidthType) is not (null or "dxa") || !int.TryParse((string?)tcW?.Attribute(Wd), NumberStyles.Integer, CultureInfo.InvariantCulture, out var width))
                    {
                        continue; // a width in percent or automatic: decided by the client
                    }

                    var (left, right) = Margins(cell.Element(TcPr)?.Element(W + "tcMar"), (tableLeft, tableRight));
                    foreach (var paragraph in cell.Elements(P))
                    {
                        CheckParagraph(paragraph, width, left + right, styles, level1Names, level2Names, new TemplateLocation(main, null, t, r, c, ""), warnings);
                    }
                }
            }
        }

        return warnings;
    }

    private static void CheckParagraph(XElement paragraph, int cellWidth, int margins, StyleSizes styles, IReadOnlyCollection<string> level1Names, IReadOnlyCollection<string> level2Names,
        TemplateLocation where, List<TemplateProblem> warnings)
    {
        var text = string.Concat(paragraph.Descendants(T).Select(static t => t.Value)).Trim();
        if (text.Length == 0)
        {
            return;
        }

        var indent = paragraph.Element(PPr)?.Element(W + "ind");
        var besideText = margins + Twips(indent, "left") + Twips(indent, "start") + Twips(indent, "right") + Twips(indent, "end");
        var width = cellWidth - besideText;
        var size = styles.FontSize(paragraph); // half-points: one Chinese character is size × 10 twips wide
        var perLine = width / (size * 10.0);
        var field = FieldTag().Match(text);
        IEnumerable<string> texts = field.Success ? (field.Groups[1].Value == "1" ? level1Names : level2Names) : text.Contains("{{", StringComparison.Ordinal) ? [] : [text];
        foreach (var shown in texts.Distinct(StringComparer.Ordinal))
        {
            if (Wrap(shown, perLine) is { } lines && lines.Count > 1 && lines[^1].EnumerateRunes().Count() == 1)
            {
                var needed = (Ems(shown) * size * 10 + besideText) / TwipsPerCm; // the column, margins included, that holds it on one line
                var wrapped = string.Join("/", lines);
                var what = field.Success ? $"{{{{level{field.Groups[1].Value}}}}} 的名称" : "标签";
                warnings.Add(new TemplateProblem(RuleCodes.T12, where with { Context = shown },
                    $"该列宽 {cellWidth / TwipsPerCm:0.00} 厘米，每行约排 {Math.Floor(perLine):0} 个字（{size / 2.0:0.#} 磅）：{what}“{shown}”会折成“{wrapped}”，末行只剩一个字。请把该列加宽到至少 {needed:0.00} 厘米（一行排下），或调整文字。",
                    $"The column is {cellWidth / TwipsPerCm:0.00} cm wide and holds about {Math.Floor(perLine):0} characters a line ({size / 2.0:0.#} pt): '{shown}' would wrap as '{wrapped}', one character alone on its last line. Widen the column to at least {needed:0.00} cm (one line), or change the text."));
            }
        }
    }

    /// <summary>Greedy line breaking between any two characters, as Word and LibreOffice break Chinese text; null when not one character fits.</summary>
    private static List<string>? Wrap(string text, double perLine)
    {
        if (perLine < 1)
        {
            return null;
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        var used = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            var ems = Ems(rune);
            if (used + ems > perLine + 1e-9 && line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
                used = 0;
            }

            line.Append(rune.ToString());
            used += ems;
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static double Ems(string text) => text.EnumerateRunes().Sum(Ems);

    /// <summary>A full-width character is one em (Chinese quotes and dashes too, in a Chinese font); Latin letters, digits and spaces about half.</summary>
    private static double Ems(Rune rune) => rune.Value is >= 0x2E80 or (>= 0x2010 and <= 0x206F) ? 1 : 0.5;

    private static (int Left, int Right) Margins(XElement? margins, (int Left, int Right) fallback)
        => margins is null ? fallback : (Twips(margins.Element(W + "left") ?? margins.Element(W + "start"), "w", fallback.Left), Twips(margins.Element(W + "right") ?? margins.Element(W + "end"), "w", fallback.Right));

    private static int Twips(XElement? element, string attribute, int fallback = 0)
        => int.TryParse((string?)element?.Attribute(W + attribute), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>A part of a template that compiled: read within the package limits, parsed without DTDs (as the compiler reads its parts).</summary>
    private static XDocument Load(ZipArchive zip, string name) => SafeXml.Load(PackageGuard.ReadBounded(zip.GetEntry(name)!));

    [GeneratedRegex(@"\{\{\s*(?:merge\s+)?level([12])\s*\}\}")]
    private static partial Regex FieldTag();

    /// <summary>Font sizes and table cell margins from the styles part: a paragraph's size is its first run's, else its style's (through <c>basedOn</c>), else the document default.</summary>
    private sealed class StyleSizes(XDocument? styles)
    {
        private readonly Dictionary<string, XElement> _byId = styles?.Root?.Elements(W + "style")
            .Where(static s => (string?)s.Attribute(W + "styleId") is not null)
            .GroupBy(static s => (string)s.Attribute(W + "styleId")!)
            .ToDictionary(static g => g.Key, static g => g.First(), StringComparer.Ordinal) ?? [];

        private readonly int _defaultSize = Size(styles?.Root?.Element(W + "docDefaults")?.Element(W + "rPrDefault")?.Element(RPr)) ?? 20;

        public int FontSize(XElement paragraph)
        {
            var run = paragraph.Descendants(R).FirstOrDefault(static r => r.Element(T) is not null);
            if (Size(run?.Element(RPr)) is { } own)
            {
                return own;
            }

            var style = (string?)paragraph.Element(PPr)?.Element(PStyle)?.Attribute(Val)
                ?? _byId.Values.FirstOrDefault(static s => (string?)s.Attribute(W + "type") == "paragraph" && (string?)s.Attribute(W + "default") is "1" or "true")?.Attribute(W + "styleId")?.Value;
            for (var depth = 0; style is not null && depth < 20 && _byId.TryGetValue(style, out var definition); depth++)
            {
                if (Size(definition.Element(RPr)) is { } size)
                {
                    return size;
                }

                style = (string?)definition.Element(W + "basedOn")?.Attribute(Val);
            }

            return _defaultSize;
        }

        public (int Left, int Right) CellMargins(XElement table)
        {
            var style = (string?)table.Element(W + "tblPr")?.Element(W + "tblStyle")?.Attribute(Val);
            for (var depth = 0; style is not null && depth < 20 && _byId.TryGetValue(style, out var definition); depth++)
            {
                if (definition.Element(W + "tblPr")?.Element(W + "tblCellMar") is { } margins)
                {
                    return Margins(margins, (DefaultCellMargin, DefaultCellMargin));
                }

                style = (string?)definition.Element(W + "basedOn")?.Attribute(Val);
            }

            return (DefaultCellMargin, DefaultCellMargin);
        }

        private static int? Size(XElement? rPr)
            => int.TryParse((string?)rPr?.Element(W + "sz")?.Attribute(Val), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : null;
    }
}
