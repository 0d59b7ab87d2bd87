namespace DocGen.Core.Model;

/// <summary>
/// The title of the document a submission becomes, as an archive indexes it (the PDF's title):
/// the unit, the year and what the document is, e.g. 中共……区直机关工作委员会本级2021年度部门整体绩效目标.
/// </summary>
public static class DocumentTitle
{
    public static string For(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var what = submission.Kind switch
        {
            SubmissionKind.DepartmentOverall => "部门整体绩效目标",
            SubmissionKind.ProjectGoalTable => "预算项目绩效目标表",
            _ => "部门整体绩效目标和预算项目绩效目标表",
        };
        return $"{submission.Unit?.Name?.Trim()}{submission.FiscalYear}年度{what}";
    }
}
