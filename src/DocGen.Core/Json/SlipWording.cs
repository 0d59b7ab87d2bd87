namespace DocGen.Core.Json;

/// <summary>Whom a value slip's advice speaks to: a program's author writing JSON, or a clerk typing into a workbook's cells.</summary>
public enum SlipWording
{
    /// <summary>Properties and JSON numbers: <c>unit</c>, “不加引号”.</summary>
    Json,

    /// <summary>Columns and cell formats: “计量单位”列, 单元格格式.</summary>
    Cells,
}
