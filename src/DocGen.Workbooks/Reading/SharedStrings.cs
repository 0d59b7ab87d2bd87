using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// The workbook's shared strings, streamed: plain (<c>&lt;t&gt;</c>) and rich text (runs, whose
/// texts are joined), without phonetic guides (<c>&lt;rPh&gt;</c>, furigana an East Asian Excel
/// may add above the text).
/// </summary>
internal static class SharedStrings
{
    public static IReadOnlyList<string> Read(SharedStringTablePart? part, WorkbookLimits limits)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
                if (strings.Count > limits.MaxCells)
                {
                    break; // more strings than cells may use: the rest cannot be referenced by a workbook within the limits
                }
            }
        }

        return strings;
    }

    /// <summary>The text of a shared string or an inline string: its own text, or its runs' texts joined.</summary>
    public static string TextOf(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } text)
        {
            return text.Text;
        }

        var joined = new StringBuilder();
        foreach (var run in item.Elements<Run>())
        {
            joined.Append(run.Text?.Text);
        }

        return joined.ToString();
    }
}
