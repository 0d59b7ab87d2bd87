using DocGen.Core.Frameworks;
using DocGen.Core.Model;
using DocGen.Core.Rules;

namespace DocGen.Core.Validation;

/// <summary>The envelope: kind, year, unit, framework, and sections that match the kind (V1, V2).</summary>
internal static class EnvelopeRules
{
    public const int MinFiscalYear = 2000;
    public const int MaxFiscalYear = 2100;
    public const int CurrentSchemaVersion = 1;

    public static void Check(Submission s, FrameworkCatalog frameworks, IssueCollector issues)
    {
        if (s.Kind is null)
        {
            issues.Error(RuleCodes.V1, "$.kind", "缺少申报类型（部门整体绩效目标、预算项目绩效目标表，或两者都有）。",
                "kind is missing (departmentOverall, projectGoalTable or combined).");
        }

        if (s.SchemaVersion is { } version && version != CurrentSchemaVersion)
        {
            issues.Error(RuleCodes.V1, "$.schemaVersion", $"不支持的模型版本 {version}，当前版本为 {CurrentSchemaVersion}。",
                $"Unsupported schemaVersion {version}; the current version is {CurrentSchemaVersion}.");
        }

        if (s.FiscalYear is not { } year)
        {
            issues.Error(RuleCodes.V1, "$.fiscalYear", "缺少预算年度。", "fiscalYear is missing.");
        }
        else if (year is < MinFiscalYear or > MaxFiscalYear)
        {
            issues.Error(RuleCodes.V1, "$.fiscalYear", $"预算年度 {year} 不在 {MinFiscalYear}–{MaxFiscalYear} 之间。",
                $"fiscalYear {year} is not between {MinFiscalYear} and {MaxFiscalYear}.");
        }

        if (frameworks.Find(s.Framework) is null)
        {
            issues.Error(RuleCodes.V1, "$.framework", $"未知的指标体系“{Quoted.Of(s.Framework)}”。可用：{string.Join("、", frameworks.Names.Select(n => $"“{frameworks.Find(n)?.Title ?? n}”"))}。",
                $"Unknown framework '{Quoted.Of(s.Framework)}'. Available: {string.Join(", ", frameworks.Names)}.");
        }

        CheckUnit(s.Unit, issues);
        CheckSectionsMatchKind(s, issues);
    }

    private static void CheckUnit(UnitInfo? unit, IssueCollector issues)
    {
        if (string.IsNullOrWhiteSpace(unit?.Code))
        {
            issues.Error(RuleCodes.V1, "$.unit.code", "缺少单位编码。", "unit.code is missing.");
        }
        else if (!unit.Code.All(char.IsAsciiDigit))
        {
            issues.Error(RuleCodes.V2, "$.unit.code", $"单位编码“{Quoted.Of(unit.Code)}”只能由数字组成。{ProjectRules.HalfWidthHint(unit.Code)}", $"unit.code '{Quoted.Of(unit.Code)}' must be digits only.");
        }
        else if (unit.Code.Length != 6)
        {
            issues.Warning(RuleCodes.V2, "$.unit.code", $"单位编码“{Quoted.Of(unit.Code)}”不是 6 位（通常为 3 位部门 + 3 位单位，如 286001）。",
                $"unit.code '{Quoted.Of(unit.Code)}' is not 6 digits (usually 3 for the department + 3 for the unit, e.g. 286001).");
        }

        if (string.IsNullOrWhiteSpace(unit?.Name))
        {
            issues.Error(RuleCodes.V1, "$.unit.name", "缺少单位名称。", "unit.name is missing.");
        }
    }

    private static void CheckSectionsMatchKind(Submission s, IssueCollector issues)
    {
        var hasPart1 = s.OverallGoal is not null || s.ItemizedGoals is not null || s.Safeguards is not null;
        if (s.Kind == SubmissionKind.ProjectGoalTable && hasPart1)
        {
            issues.Error(RuleCodes.V1, "$.kind",
                "申报类型是“预算项目绩效目标表”（只含第二部分），但填写了第一部分“部门整体绩效目标”的内容。两部分都要时，申报类型请选“两者都有”。",
                "kind is projectGoalTable (Part 2 only) but Part 1 sections are present; use combined for both parts.");
        }

        if (s.Kind == SubmissionKind.DepartmentOverall && (s.Projects is not null || s.AmountUnit is not null))
        {
            issues.Error(RuleCodes.V1, "$.kind",
                "申报类型是“部门整体绩效目标”（只含第一部分），但填写了预算项目。两部分都要时，申报类型请选“两者都有”。",
                "kind is departmentOverall (Part 1 only) but projects are present; use combined for both parts.");
        }
    }
}
