namespace DocGen.Core.Model;

/// <summary>Which parts of the document a submission fills (SPEC §5 “Kinds”).</summary>
public enum SubmissionKind
{
    /// <summary>第一部分 only.</summary>
    DepartmentOverall,

    /// <summary>第二部分 only: one or more project tables.</summary>
    ProjectGoalTable,

    /// <summary>Both parts, like the seed document.</summary>
    Combined,
}
