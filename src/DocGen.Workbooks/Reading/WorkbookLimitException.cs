using DocGen.Core.Validation;

namespace DocGen.Workbooks.Reading;

/// <summary>A bound of <see cref="WorkbookLimits"/> was reached while a part was streamed: the workbook is refused with <see cref="Issue"/>.</summary>
internal sealed class WorkbookLimitException(ValidationIssue issue) : Exception(issue.MessageEn)
{
    public ValidationIssue Issue { get; } = issue;
}
