using DocGen.Core.Validation;
using DocGen.Workbooks;
using DocGen.Core.Rules;

namespace DocGen.Worker.Pipeline;

/// <summary>
/// The kinds of file a submission may be: JSON for programs, an Excel workbook (.xlsx) for
/// people. Other spreadsheet formats a clerk may save in are taken too — only to be refused with
/// a report saying how to save the file as .xlsx, rather than be ignored in the inbox.
/// </summary>
public static class SubmissionFormats
{
    /// <summary>Every extension an inbox entry may have to be taken, in the order outputs are checked.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".json", ".xlsx", ".xls", ".xlsm", ".xlsb", ".et"];

    /// <summary>An entry's extension as its outputs are named (lower case), or null when it is not a submission's.</summary>
    public static string? ExtensionOf(string name)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return Extensions.Contains(extension) ? extension : null;
    }

    public static bool IsWorkbook(string name) => ExtensionOf(name) is ".xlsx";

    /// <summary>Who reads the report of an entry: a clerk for any spreadsheet (Chinese only, in cells), an integrator for JSON (bilingual, with paths).</summary>
    public static ReportAudience AudienceOf(string name) => ExtensionOf(name) is null or ".json" ? ReportAudience.Integrator : ReportAudience.Clerk;

    /// <summary>Whether a workbook's bytes look like a copy still under way (empty, or a zip without its directory), without reading its parts.</summary>
    public static bool LooksCutShort(string name, ReadOnlyMemory<byte> bytes) => IsWorkbook(name) && WorkbookConverter.LooksIncomplete(bytes);

    /// <summary>Reads and checks a submission's bytes by its kind; a workbook's check keeps its converted JSON.</summary>
    public static SubmissionCheck Check(string name, ReadOnlyMemory<byte> bytes, SubmissionValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return ExtensionOf(name) switch
        {
            ".xlsx" => WorkbookConverter.Check(bytes, validator),
            ".xls" or ".xlsb" or ".et" => SubmissionCheck.Refused(RuleCodes.X2,
                "这是 Excel 97-2003（.xls）、二进制（.xlsb）或 WPS（.et）格式的工作簿，无法读取。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后重新提交。",
                "This workbook is in the Excel 97-2003 (.xls), binary (.xlsb) or WPS (.et) format, which is not read. Save it as an Excel workbook (*.xlsx) and submit it again."),
            ".xlsm" => SubmissionCheck.Refused(RuleCodes.X3,
                "这是含宏的工作簿（.xlsm），出于安全原因不予处理。请“另存为”不含宏的 Excel 工作簿（*.xlsx）后重新提交。",
                "This is a macro-enabled workbook (.xlsm), not processed for safety. Save it as a macro-free Excel workbook (*.xlsx) and submit it again."),
            _ => validator.Check(bytes),
        };
    }
}
