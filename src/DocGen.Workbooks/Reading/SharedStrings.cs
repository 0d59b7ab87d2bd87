using System.Globalization;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// The workbook's shared strings, streamed and spent from the text limit: plain (<c>&lt;t&gt;</c>) and rich text (runs, whose
/// texts are joined), without phonetic guides (<c>&lt;rPh&gt;</c>, furigana an East Asian Excel
/// may add above the text).
/// </summary>
internal static class SharedStrings
{
    public static IReadOnlyList<string> Read(PartXml? xml, WorkbookLimits limits)
    {
        var strings = new List<string>();
        if (xml is null)
        {
            return strings;
        }

        using (xml)
        {
            while (xml.Read())
            {
                if (xml.IsElement("si"))
                {
                    var number = strings.Count + 1;
                    var text = xml.ReadText(
                        runs: true,
                        string.Create(CultureInfo.InvariantCulture, $"第 {number} 个共享字符串"),
                        string.Create(CultureInfo.InvariantCulture, $"shared string {number}"));

                    // The table is kept once; each cell that refers to a string spends it again.
                    if (!xml.TrySpendText(text.Length))
                    {
                        throw xml.OverText("", "");
                    }

                    strings.Add(text);
                    if (strings.Count > limits.MaxCells)
                    {
                        break; // more strings than cells may use: the rest cannot be referenced by a workbook within the limits
                    }
                }
            }
        }

        return strings;
    }
}
