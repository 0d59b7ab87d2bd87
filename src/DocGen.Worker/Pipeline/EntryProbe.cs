using DocGen.Core.Validation;
using DocGen.Worker.IO;

namespace DocGen.Worker.Pipeline;

/// <summary>
/// What the pipeline tells of an entry from its name and how it was read, before its check:
/// whether it is checked only once claimed, and whether its bytes look like a copy still under way.
/// </summary>
public readonly record struct EntryProbe(string Name, SafeRead Read)
{
    /// <summary>
    /// A read entry whose check waits for its claim (a workbook: its conversion runs where a crash
    /// is counted against it, and its bytes are not converted twice). Any other entry is checked at once.
    /// </summary>
    public bool CheckedOnceClaimed => Read.Outcome == SafeReadOutcome.Read && SubmissionFormats.IsWorkbook(Name);

    /// <summary>
    /// Whether the entry's bytes look cut short (empty, JSON that stops half-way, a zip without its
    /// directory): by its <paramref name="check"/> when it has one, otherwise by a look at the bytes
    /// that reads none of their parts. An entry that was not read never does.
    /// </summary>
    public bool LooksCutShort(SubmissionCheck? check)
        => Read.Outcome == SafeReadOutcome.Read && (check?.LooksIncomplete ?? SubmissionFormats.LooksCutShort(Name, Read.Bytes!));
}
