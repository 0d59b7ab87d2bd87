using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Reads a workbook into its JSON submission, within <paramref name="limits"/> (and their
    /// <see cref="WorkbookLimits.MaxReadTime"/> on <paramref name="time"/>, the system's clock by default).
    /// </summary>
    public static WorkbookConversion Convert(ReadOnlyMemory<byte> bytes, FrameworkCatalog frameworks, WorkbookLimits? limits = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(frameworks);
        limits ??= WorkbookLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
        {
            return Refused(WorkbookIssues.TooBig(
                string.Create(CultureInfo.InvariantCulture, $"文件有 {bytes.Length:N0} 字节，超过上限 {limits.MaxFileBytes:N0}"),
                string.Create(CultureInfo.InvariantCulture, $"{bytes.Length:N0} bytes, more than {limits.MaxFileBytes:N0}")));
        }

        var budget = new ReadBudget(limits, time ?? TimeProvider.System);
        if (WorkbookFile.Read(bytes, budget, out var problem, out var cutShort) is not { } file)
        {
            return Refused(problem!) with { LooksIncomplete = cutShort };
        }

        var builder = new SubmissionBuilder(file, frameworks, budget);
        JsonObject submission;
        try
        {
            submission = builder.Build();
        }
        catch (WorkbookLimitException ex)
        {
            return Refused(ex.Issue);
        }

        var json = submission.ToJsonString(OutputJson.Options);
        var map = builder.Map;
        return new WorkbookConversion(Encoding.UTF8.GetBytes(json + "\n"), new SubmissionSource(builder.Issues, map.Locate, builder.Unreadable), false);
    }

    /// <summary>Reads and validates a workbook: the report names each issue's sheet and cell; the converted JSON is kept in the check.</summary>
    public static SubmissionCheck Check(ReadOnlyMemory<byte> bytes, SubmissionValidator validator, WorkbookLimits? limits = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var conversion = Convert(bytes, validator.Frameworks, limits, time);
        if (conversion.Json is not { } json)
        {
            return new SubmissionCheck(null, new ValidationReport([.. conversion.Source.Issues]), null) { LooksIncomplete = conversion.LooksIncomplete };
        }

        if (json.Length > validator.Limits.MaxFileBytes)
        {
            // The validator would call it a file of that size (D3): it is the workbook, expanded, that is over the limit of a submission.
            var tooBig = WorkbookIssues.TooBig(
                string.Create(CultureInfo.InvariantCulture, $"转换成 JSON 后有 {json.Length:N0} 字节，超过一份申报的上限 {validator.Limits.MaxFileBytes:N0} 字节（工作簿文件本身 {bytes.Length:N0} 字节）"),
                string.Create(CultureInfo.InvariantCulture, $"converted to JSON it is {json.Length:N0} bytes, more than the {validator.Limits.MaxFileBytes:N0} a submission may have (the workbook file itself is {bytes.Length:N0} bytes)"));
            return new SubmissionCheck(null, new ValidationReport([tooBig]), null);
        }

        return validator.Check(json, conversion.Source) with { Converted = json };
    }

    private static WorkbookConversion Refused(ValidationIssue issue) => new(null, new SubmissionSource([issue], static _ => null), false);
}
