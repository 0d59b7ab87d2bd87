using System.Globalization;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// The number format of each cell style (<c>s</c> of a cell, an index into <c>cellXfs</c>), read
/// from the styles part: a built-in format id, or a custom format's code.
/// </summary>
internal sealed class CellStyles
{
    /// <summary>Excel's own bound on cell formats in a workbook.</summary>
    private const int MaxStyles = 65_536;

    /// <summary>Excel's own bound on a number format's code: each number cell reads its format's code (a date's to be shown), so a longer one would cost every cell.</summary>
    private const int MaxCodeCharacters = 255;

    /// <summary>Parsed formats kept: real workbooks use a few dozen styles.</summary>
    private const int MaxCachedDisplays = 1024;

    private readonly List<uint> _formatOfStyle = [];
    private readonly Dictionary<uint, string> _customCodes = [];
    private readonly Dictionary<uint, NumberDisplay> _displays = [];

    public static CellStyles Read(PartXml? xml)
    {
        var styles = new CellStyles();
        if (xml is null)
        {
            return styles;
        }

        using (xml)
        {
            var cellXfs = -1;
            while (xml.Read())
            {
                if (xml.IsElement("numFmt") && Id(xml.Attribute("numFmtId")) is { } id && xml.Attribute("formatCode") is { } code)
                {
                    if (code.Length > MaxCodeCharacters)
                    {
                        throw xml.Limit(
                            string.Create(CultureInfo.InvariantCulture, $"数字格式代码超过 {MaxCodeCharacters} 个字符（Excel 的上限）"),
                            string.Create(CultureInfo.InvariantCulture, $"a number format's code has over {MaxCodeCharacters} characters (Excel's limit)"));
                    }

                    if (!xml.TrySpendText(code.Length))
                    {
                        throw xml.OverText("", "");
                    }

                    styles._customCodes[id] = code;
                }
                else if (xml.IsElement("cellXfs") && !xml.Xml.IsEmptyElement)
                {
                    cellXfs = xml.Xml.Depth;
                }
                else if (xml.IsEnd(cellXfs))
                {
                    cellXfs = -1;
                }
                else if (cellXfs >= 0 && xml.Xml.Depth == cellXfs + 1 && xml.IsElement("xf"))
                {
                    styles._formatOfStyle.Add(Id(xml.Attribute("numFmtId")) ?? 0);
                    if (styles._formatOfStyle.Count > MaxStyles)
                    {
                        throw xml.Limit(string.Create(CultureInfo.InvariantCulture, $"单元格格式超过 {MaxStyles:N0} 种"), string.Create(CultureInfo.InvariantCulture, $"over {MaxStyles:N0} cell formats"));
                    }
                }
            }
        }

        return styles;
    }

    /// <summary>The number format of a style: its id, and its code when it is a custom one (null for a built-in).</summary>
    public (uint Id, string? Code) FormatOf(uint style)
    {
        var id = style < _formatOfStyle.Count ? _formatOfStyle[(int)style] : 0;
        return (id, _customCodes.GetValueOrDefault(id));
    }

    /// <summary>The date or time format a style shows a number with, or null when it shows no date or time.</summary>
    public string? DateFormatOf(uint style) => FormatOf(style) is var (id, code) ? DateFormat.Of(id, code) : null;

    /// <summary>
    /// How a style shows a number or a text: its format, parsed once per style and workbook (a
    /// sheet may have 300,000 cells of one style); past <see cref="MaxCachedDisplays"/> styles
    /// parsed each time instead, so thousands of long custom formats cannot fill memory.
    /// </summary>
    public NumberDisplay DisplayOf(uint style)
    {
        if (!_displays.TryGetValue(style, out var display))
        {
            var (id, code) = FormatOf(style);
            display = NumberDisplay.Of(NumberDisplay.CodeOf(id, code));
            if (_displays.Count < MaxCachedDisplays)
            {
                _displays[style] = display;
            }
        }

        return display;
    }

    /// <summary>Whether a style shows a number as a percentage.</summary>
    public bool IsPercent(uint style) => FormatOf(style) is var (id, code) && NumberFormats.IsPercent(id, code);

    private static uint? Id(string? text) => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
