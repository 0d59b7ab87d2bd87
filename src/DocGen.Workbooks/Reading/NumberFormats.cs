using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// Which cell styles show a number as a percentage: the built-in formats 9 (0%) and 10 (0.00%),
/// and custom formats with a % outside quotes and escapes (<c>0.0%</c>, but not <c>0.00"%"</c>,
/// which shows a percent sign after the number as typed).
/// </summary>
internal static class NumberFormats
{
    public static IReadOnlySet<uint> PercentStyles(WorkbookStylesPart? part)
    {
        var styles = new HashSet<uint>();
        if (part?.Stylesheet is not { } stylesheet)
        {
            return styles;
        }

        var percentFormats = new HashSet<uint> { 9, 10 };
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && IsPercent(format.FormatCode?.Value))
            {
                percentFormats.Add(id);
            }
        }

        uint index = 0;
        foreach (var xf in stylesheet.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (xf.NumberFormatId?.Value is { } id && percentFormats.Contains(id))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    public static bool IsPercent(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\' or '_' or '*' when !quoted:
                    i++; // the next character is shown as it is (or is padding)
                    break;
                case '%' when !quoted:
                    return true;
                case ';' when !quoted:
                    return false; // only the format of positive numbers counts
            }
        }

        return false;
    }
}
