using System.Globalization;
using System.Text;
using System.Xml;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// One XML part of a workbook, streamed forward with <see cref="XmlReader"/> (no tree is built, so
/// nothing recurses however deep the XML is): no DTD, no external resources, and no element nested
/// deeper than <see cref="WorkbookLimits.MaxDepth"/>. Text is taken only up to a bound given by
/// the caller.
/// </summary>
internal sealed class PartXml : IDisposable
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly XmlReader _xml;
    private readonly ReadBudget _budget;

    public PartXml(Stream stream, ReadBudget budget, string place, string placeEn, string? sheet = null)
    {
        Sheet = sheet;
        _xml = XmlReader.Create(stream, s_settings);
        _budget = budget;
        Place = place;
        PlaceEn = placeEn;
    }

    /// <summary>Where this part is, as the clerk knows it (工作表“绩效指标”), for the reports of its limits.</summary>
    public string Place { get; }

    public string PlaceEn { get; }

    /// <summary>The sheet this part is, if it is one: a refusal is then placed at the sheet (and row), where the clerk will look.</summary>
    public string? Sheet { get; }

    /// <summary>The sheet row being read, named in a report of a limit when it is not 0.</summary>
    public int Row { get; set; }

    public XmlReader Xml => _xml;

    public bool IsElement(string localName) => _xml.NodeType == XmlNodeType.Element && _xml.LocalName == localName;

    public bool IsEnd(int depth) => _xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth;

    /// <summary>The next node; a limit exception when it is nested too deep.</summary>
    public bool Read()
    {
        if (!_xml.Read())
        {
            return false;
        }

        if (_xml.Depth > _budget.Limits.MaxDepth)
        {
            throw Limit(
                string.Create(CultureInfo.InvariantCulture, $"XML 元素嵌套超过 {_budget.Limits.MaxDepth} 层（Excel 只写几层）"),
                string.Create(CultureInfo.InvariantCulture, $"XML elements nested over {_budget.Limits.MaxDepth} deep (Excel writes a few)"));
        }

        return true;
    }

    /// <summary>An attribute of the current element by its local name, in any namespace (transitional and strict workbooks name them alike).</summary>
    public string? Attribute(string localName)
    {
        if (!_xml.MoveToFirstAttribute())
        {
            return null;
        }

        try
        {
            do
            {
                if (_xml.LocalName == localName)
                {
                    return _xml.Value;
                }
            }
            while (_xml.MoveToNextAttribute());

            return null;
        }
        finally
        {
            _xml.MoveToElement();
        }
    }

    /// <summary>Reads past the end of the current element.</summary>
    public void SkipElement()
    {
        if (_xml.IsEmptyElement)
        {
            return;
        }

        var depth = _xml.Depth;
        while (Read() && !IsEnd(depth))
        {
        }
    }

    /// <summary>
    /// The text of the current element, read to its end: of the element itself (<paramref name="runs"/>
    /// false, as a <c>&lt;v&gt;</c>), or of its <c>&lt;t&gt;</c> descendants outside phonetic guides
    /// (<c>&lt;rPh&gt;</c>: furigana an East Asian Excel may add), as a shared or inline string.
    /// </summary>
    public string ReadText(bool runs, string what, string whatEn)
    {
        if (_xml.IsEmptyElement)
        {
            return "";
        }

        var depth = _xml.Depth;
        var text = new StringBuilder();
        var phonetic = -1;
        var inText = runs ? -1 : depth;
        while (Read() && !IsEnd(depth))
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.Element when runs && phonetic < 0 && !_xml.IsEmptyElement:
                    if (_xml.LocalName == "rPh")
                    {
                        phonetic = _xml.Depth;
                    }
                    else if (_xml.LocalName == "t")
                    {
                        inText = _xml.Depth;
                    }

                    break;
                case XmlNodeType.EndElement when _xml.Depth == phonetic:
                    phonetic = -1;
                    break;
                case XmlNodeType.EndElement when runs && _xml.Depth == inText:
                    inText = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText >= 0 && phonetic < 0:
                    var value = _xml.Value;
                    if (text.Length + value.Length > _budget.Limits.MaxCellCharacters)
                    {
                        throw Limit(
                            string.Create(CultureInfo.InvariantCulture, $"{what}超过 {_budget.Limits.MaxCellCharacters:N0} 个字符（Excel 的上限）"),
                            string.Create(CultureInfo.InvariantCulture, $"{whatEn} has over {_budget.Limits.MaxCellCharacters:N0} characters (Excel's limit)"));
                    }

                    _budget.SpendText(value.Length);
                    text.Append(value);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>A limit reached in this part: the refusal names the part (and the row being read).</summary>
    public WorkbookLimitException Limit(string what, string whatEn)
    {
        var row = Row > 0 ? string.Create(CultureInfo.InvariantCulture, $"第 {Row} 行") : "";
        var rowEn = Row > 0 ? string.Create(CultureInfo.InvariantCulture, $", row {Row}") : "";
        var issue = WorkbookIssues.TooBig($"{Place}{row}：{what}", $"{PlaceEn}{rowEn}: {whatEn}");
        if (Sheet is not null)
        {
            var place = Row > 0 ? CellPlace.Row(Sheet, Row) : CellPlace.Sheet(Sheet);
            issue = issue with { Location = place.Location, Source = place.Reference };
        }

        return new WorkbookLimitException(issue);
    }

    public void Dispose() => _xml.Dispose();
}
