namespace DocGen.Rendering.Compilation;

/// <summary>Where a problem sits in a template, in Word terms.</summary>
public sealed record TemplateLocation(string Part, int? Paragraph, int? Table, int? Row, int? Cell, string Context)
{
    public string Describe()
    {
        var part = Part switch
        {
            var p when p.Contains("header", StringComparison.OrdinalIgnoreCase) => $"页眉 header ({Part})",
            var p when p.Contains("footer", StringComparison.OrdinalIgnoreCase) => $"页脚 footer ({Part})",
            _ => "正文 body",
        };
        var where = Table is { } t
            ? $"第 {t} 个表格 table {t}, 第 {Row} 行 row {Row}, 第 {Cell} 列 cell {Cell}" + (Paragraph is { } cp ? $", 单元格内第 {cp} 段 paragraph {cp}" : "")
            : Paragraph is { } n ? $"第 {n} 段 paragraph {n}" : "";
        return $"{part}{(where.Length > 0 ? ", " + where : "")}: “{Context}”";
    }
}
