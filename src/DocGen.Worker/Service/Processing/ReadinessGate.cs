using System.Diagnostics;
using DocGen.Worker.IO;
using DocGen.Worker.Pipeline;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// Lets an inbox entry through to its claim once it is ready: it is looked at safely (never through
/// a link, never blocking, no more than the size limit: <see cref="StableFileReader"/>), judged
/// before the claim where that is safe, and left while a copy is under way. Nothing is taken while
/// no template is usable.
/// </summary>
public sealed class ReadinessGate(TemplateStore templates, StableFileReader reader, SubmissionPipeline pipeline, ClaimStore claims)
{
    /// <summary>The entry, claimed; null when it was left for later (still being written, no usable template yet) or taken by another process.</summary>
    public ClaimedEntry? TryClaim(string inboxPath)
    {
        if (templates.Current is null)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        if (reader.TryRead(inboxPath) is not { } first)
        {
            return null;
        }

        // What is judged before the claim, where a crash would not be counted: what the pipeline
        // checks at once is checked whole (a JSON file: its reader stops nesting at the depth limit,
        // D4, and bounds texts and lists; the check is kept for the claim); an entry it checks only
        // once claimed (a workbook) is only probed for completeness, so that one that somehow ends
        // the process is counted and given up.
        var probe = SubmissionPipeline.Probe(first.Path, first.Read);
        var check = probe.CheckedOnceClaimed ? null : pipeline.Check(first.Path, first.Read);
        if (probe.LooksCutShort(check) ? !reader.HasSettledAfterGrace(first) : MayPass(first) && !reader.HasSettled(first))
        {
            return null; // a copy still under way (or stalled): judged once it stops changing
        }

        var claim = claims.TryClaim(inboxPath);
        reader.Forget(inboxPath);
        return claim is null ? null : new ClaimedEntry(claim, first, check, clock);
    }

    /// <summary>
    /// Whether a refusal can be a passing state (a hard link made before the old name is removed;
    /// a file created before its permissions are set). Links, FIFOs, folders and oversized files are refused at once.
    /// </summary>
    private static bool MayPass(FileSnapshot snapshot) => snapshot.Read.Outcome is SafeReadOutcome.HardLink or SafeReadOutcome.AccessDenied;
}
