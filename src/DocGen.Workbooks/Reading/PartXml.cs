using System.Globalization;
using System.Text;
using System.Xml;
using DocGen.Core.Validation;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// One XML part of a workbook, streamed forward with <see cref="XmlReader"/> (no tree is built, so
/// nothing recurses however deep the XML is): no DTD, no external resources, no element nested
/// deeper than <see cref="WorkbookLimits.MaxDepth"/>, no start tag over the attribute limits
/// (counted before the parser sees it: <see cref="PartText"/>), and the read time checked as it
/// goes. Text is taken only up to a bound given by the caller; what is kept is spent from the
/// workbook's budget by whoever keeps it.
/// </summary>
internal sealed class PartXml : IDisposable
{
    private const int NodesPerTimeCheck = 256;

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
    private int _nodes;

    /// <summary>The part <paramref name="partName"/> from its inflated bytes.</summary>
    public PartXml(Stream inflated, ReadBudget budget, string partName, string place, string placeEn, string? sheet = null)
    {
        Sheet = sheet;
        _budget = budget;
        Place = place;
        PlaceEn = placeEn;
        var text = new PartText(new BudgetedStream(inflated, budget, partName), this);
        try
        {
            _xml = XmlReader.Create(text, s_settings);
        }
        catch
        {
            text.Dispose(); // the parser may read its first block at once, and be refused
            throw;
        }
    }

    /// <summary>Where this part is, as the clerk knows it (工作表“绩效指标”), for the reports of its limits.</summary>
    public string Place { get; }

    public string PlaceEn { get; }

    /// <summary>The sheet this part is, if it is one: a refusal is then placed at the sheet (and row), where the clerk will look.</summary>
    public string? Sheet { get; }

    /// <summary>The sheet row being read, named in a report of a limit when it is not 0.</summary>
    public int Row { get; set; }

    public XmlReader Xml => _xml;

    public WorkbookLimits Limits => _budget.Limits;

    public bool IsElement(string localName) => _xml.NodeType == XmlNodeType.Element && _xml.LocalName == localName;

    public bool IsEnd(int depth) => _xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth;

    /// <summary>The next node; a limit exception when it is nested too deep.</summary>
    public bool Read()
    {
        if (++_nodes % NodesPerTimeCheck == 0)
        {
            CheckTime();
        }

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

                    text.Append(value);
                    break;
            }
        }

        return OoxmlEscapes.Decode(text.ToString()); // what the cell shows: _x000D_ is the line break Excel kept
    }

    /// <summary>Spends characters of text kept from this part: false past the text limit, and the caller refuses with <see cref="OverText"/>.</summary>
    public bool TrySpendText(long characters) => _budget.TrySpendText(characters);

    /// <summary>The refusal at the text limit, after what crossed it (<paramref name="what"/>), placed at the part and row or <paramref name="at"/>.</summary>
    public WorkbookLimitException OverText(string what, string whatEn, SourcePlace? at = null)
    {
        var (over, overEn) = _budget.OverText(what, whatEn);
        return Limit(over, overEn, at);
    }

    /// <summary>A refusal (X10) once reading the workbook has taken longer than <see cref="WorkbookLimits.MaxReadTime"/>.</summary>
    public void CheckTime()
    {
        if (_budget.IsOverTime)
        {
            var (where, whereEn) = Where();
            throw new WorkbookLimitException(Placed(WorkbookIssues.TooSlow(Limits.MaxReadTime, where, whereEn), null));
        }
    }

    /// <summary>A limit reached in this part: the refusal names the part (and the row being read), placed there or <paramref name="at"/>.</summary>
    public WorkbookLimitException Limit(string what, string whatEn, SourcePlace? at = null)
    {
        var (where, whereEn) = Where();
        return new WorkbookLimitException(Placed(WorkbookIssues.TooBig($"{where}：{what}", $"{whereEn}: {whatEn}"), at));
    }

    private (string Where, string WhereEn) Where()
        => Row > 0
            ? (string.Create(CultureInfo.InvariantCulture, $"{Place}第 {Row} 行"), string.Create(CultureInfo.InvariantCulture, $"{PlaceEn}, row {Row}"))
            : (Place, PlaceEn);

    private ValidationIssue Placed(ValidationIssue issue, SourcePlace? at)
    {
        if ((at ?? (Sheet is null ? null : Row > 0 ? CellPlace.Row(Sheet, Row) : CellPlace.Sheet(Sheet))) is { } place)
        {
            issue = issue with { Location = place.Location, Source = place.Reference };
        }

        return issue;
    }

    public void Dispose() => _xml.Dispose();
}
