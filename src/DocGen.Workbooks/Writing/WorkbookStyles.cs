using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Workbooks.Writing;

/// <summary>The workbook's cell styles (indexes into <c>cellXfs</c>) and the stylesheet that defines them.</summary>
internal static class WorkbookStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Text = 2;
    public const uint Code = 3;
    public const uint Amount = 4;
    public const uint Percent = 5;
    public const uint Number = 6;
    public const uint Label = 7;
    public const uint Section = 8;
    public const uint Hint = 9;
    public const uint Title = 10;

    private const uint AmountFormat = 164;
    private const string AmountCode = "#,##0.00";

    /// <summary>Whether a style wraps its text (the row then needs the height of its lines).</summary>
    public static bool Wraps(uint style) => style is Header or Text or Label or Hint;

    /// <summary>The number format code of a style, as the reader sees it (null: General).</summary>
    public static string? CodeOf(uint style) => style switch
    {
        Amount => AmountCode,
        Percent => Reading.NumberDisplay.CodeOf(10, null),
        _ => null,
    };

    public static Stylesheet Create() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = AmountFormat, FormatCode = AmountCode }) { Count = 1 },
        new Fonts(
            Font(11, bold: false, gray: false),
            Font(11, bold: true, gray: false),
            Font(10, bold: false, gray: true),
            Font(14, bold: true, gray: false))
        { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }) { PatternType = PatternValues.Solid }))
        { Count = 4 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Xf(0, 0, 0, 0, wrap: false),                 // Default
            Xf(0, 1, 2, 1, wrap: true, center: true),    // Header
            Xf(49, 0, 0, 1, wrap: true),                 // Text (@: what is typed stays text)
            Xf(49, 0, 0, 1, wrap: false),                // Code
            Xf(AmountFormat, 0, 0, 1, wrap: false),      // Amount
            Xf(10, 0, 0, 1, wrap: false),                // Percent (0.00%)
            Xf(0, 0, 0, 1, wrap: false),                 // Number
            Xf(0, 1, 3, 1, wrap: true),                  // Label
            Xf(0, 1, 2, 1, wrap: false),                 // Section
            Xf(0, 2, 0, 0, wrap: true),                  // Hint
            Xf(0, 3, 0, 0, wrap: false))                 // Title
        { Count = 11 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(double size, bool bold, bool gray)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size });
        if (gray)
        {
            font.Append(new Color { Rgb = "FF7F7F7F" });
        }

        font.Append(new FontName { Val = "宋体" });
        font.Append(new FontCharSet { Val = 134 }); // GB2312
        return font;
    }

    private static T Side<T>()
        where T : BorderPropertiesType, new()
        => new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FFBFBFBF" } };

    private static CellFormat Xf(uint numberFormat, uint font, uint fill, uint border, bool wrap, bool center = false) => new(
        new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Center, Horizontal = center ? HorizontalAlignmentValues.Center : null })
    {
        NumberFormatId = numberFormat,
        FontId = font,
        FillId = fill,
        BorderId = border,
        FormatId = 0,
        ApplyNumberFormat = numberFormat != 0,
        ApplyFont = font != 0,
        ApplyFill = fill != 0,
        ApplyBorder = border != 0,
        ApplyAlignment = true,
    };
}
