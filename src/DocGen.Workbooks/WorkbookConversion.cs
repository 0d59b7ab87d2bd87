using DocGen.Core.Validation;

namespace DocGen.Workbooks;

/// <summary>
/// A workbook read as a submission: its JSON (null when the workbook could not be read at all,
/// then <see cref="Source"/> holds why), where each value came from, and whether it looks like a
/// file still being written (a zip cut short).
/// </summary>
public sealed record WorkbookConversion(byte[]? Json, SubmissionSource Source, bool LooksIncomplete);
