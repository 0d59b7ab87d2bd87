namespace DocGen.Core.Validation;

/// <summary>Who reads a text report: it is written in their words.</summary>
public enum ReportAudience
{
    /// <summary>A program's author (a JSON submission): Chinese with English beside it, each issue with its JSON path.</summary>
    Integrator,

    /// <summary>A clerk (a workbook): Chinese only, each issue at its sheet, row and cell and the labels the workbook prints; no JSON path, no English.</summary>
    Clerk,
}
