using System.Text;
using DocGen.Core.Frameworks;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Workbooks.Reading;

namespace DocGen.Workbooks;

/// <summary>
/// Reads an Excel workbook (.xlsx) a clerk filled as a submission: to JSON (<c>docgen convert</c>),
/// and checked like a JSON submission with every issue placed at its sheet and cell
/// (<c>docgen validate</c>, <c>render</c>, the inbox service).
/// </summary>
public static class WorkbookConverter
{
    /// <summary>The file names read as workbooks.</summary>
    public static bool IsWorkbookName(string name) => name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the bytes look like a workbook still being copied (empty, or a zip without its central directory); no part is read.</summary>
    public static bool LooksIncomplete(ReadOnlyMemory<byte> bytes) => WorkbookFile.LooksCutShort(bytes);

    public static WorkbookConversion Convert(ReadOnlyMemory<byte> bytes, FrameworkCatalog frameworks, WorkbookLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(frameworks);
        limits ??= WorkbookLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
        {
            var tooBig = WorkbookIssues.TooBig($"文件有 {bytes.Length:N0} 字节，超过上限 {limits.MaxFileBytes:N0}", $"{bytes.Length:N0} bytes, more than {limits.MaxFileBytes:N0}");
            return new WorkbookConversion(null, new SubmissionSource([tooBig], static _ => null), false);
        }

        if (WorkbookFile.Read(bytes, limits, out var problem, out var cutShort) is not { } file)
        {
            return new WorkbookConversion(null, new SubmissionSource([problem!], static _ => null), cutShort);
        }

        var builder = new SubmissionBuilder(file, frameworks);
        var json = builder.Build().ToJsonString(OutputJson.Options);
        var map = builder.Map;
        return new WorkbookConversion(Encoding.UTF8.GetBytes(json + "\n"), new SubmissionSource(builder.Issues, map.Locate, builder.Unreadable), false);
    }

    /// <summary>Reads and validates a workbook: the report names each issue's sheet and cell; the converted JSON is kept in the check.</summary>
    public static SubmissionCheck Check(ReadOnlyMemory<byte> bytes, SubmissionValidator validator, WorkbookLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var conversion = Convert(bytes, validator.Frameworks, limits);
        if (conversion.Json is not { } json)
        {
            return new SubmissionCheck(null, new ValidationReport([.. conversion.Source.Issues]), null) { LooksIncomplete = conversion.LooksIncomplete };
        }

        return validator.Check(json, conversion.Source) with { Converted = json };
    }
}
