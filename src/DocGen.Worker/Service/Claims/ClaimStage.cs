namespace DocGen.Worker.Service.Claims;

/// <summary>
/// How far the current attempt at a claim got, kept in the claim: whether the death of a process
/// counts against the submission depends on it, and the report of a submission given up after
/// repeated crashes names where they happened.
/// </summary>
public enum ClaimStage
{
    /// <summary>Claimed; nothing read yet.</summary>
    Claimed,

    /// <summary>Reading and checking the file (a workbook is converted here).</summary>
    Reading,

    /// <summary>Filling the template.</summary>
    Rendering,

    /// <summary>LibreOffice making the PDF (in its own process: a death of DocGen here is not the file's doing).</summary>
    ConvertingPdf,

    /// <summary>Moving the outputs into place.</summary>
    Publishing,

    /// <summary>The attempt ended in a failure that was accounted for (counted, or not when the environment failed); the process did not die.</summary>
    Failed,

    /// <summary>Generated, waiting for a converter (the numbers are kept in lock files: new stages go last).</summary>
    AwaitingPdf,
}
