using DocGen.Core.Validation;
using DocGen.Core.Rules;

namespace DocGen.Worker.Service.Claims;

/// <summary>
/// How attempts at a claim are counted and when a claim is given up: a failure of the submission
/// counts, a failure of the environment does not, and the death of the process counts only at a
/// stage where the file plays a part. The report of a claim given up (S1) names where the last
/// attempt stopped and why.
/// </summary>
public static class AttemptPolicy
{
    /// <summary>Attempts at one claim before it is given up with a report.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Whether a process that died at this stage counts the attempt against the submission:
    /// reading, checking and rendering run on what the file holds in DocGen's own process, and a
    /// file that ends the process there does so every time (<see cref="Claim.RecordDeath"/>: the
    /// count is taken back when a later attempt gets past them). A death while claimed but not yet
    /// reading, waiting for or in a PDF conversion (LibreOffice runs in a process of its own), or
    /// moving outputs is an outside kill or a power cut. An attempt that failed without the process
    /// dying (<see cref="ClaimStage.Failed"/>) was already counted, or not.
    /// </summary>
    public static bool DeathCounts(ClaimStage stage) => stage is ClaimStage.Reading or ClaimStage.Rendering;

    /// <summary>
    /// Accounts for the attempt a dead process left at <paramref name="claim"/> (before the next is
    /// recorded): a death while reading or rendering stays counted, as a death; any other death is
    /// taken back; a failure that did not kill the process was accounted for when it happened.
    /// </summary>
    public static void AccountForDeath(Claim claim)
    {
        var stage = claim.Stage;
        if (stage == ClaimStage.Failed)
        {
            return;
        }

        if (DeathCounts(stage))
        {
            claim.RecordDeath();
        }
        else
        {
            claim.UndoAttempt();
        }
    }

    /// <summary>Whether an attempt at this stage has read and rendered the file in full.</summary>
    public static bool IsPastTheFile(ClaimStage stage) => stage is ClaimStage.AwaitingPdf or ClaimStage.ConvertingPdf or ClaimStage.Publishing;

    /// <summary>The S1 report of a claim given up: where its last attempt stopped, and the last reason known.</summary>
    public static ValidationReport GiveUpReport(ClaimStage stoppedIn, string? lastFailure)
    {
        var (stage, stageEn) = Describe(stoppedIn);
        // The Chinese message is the clerk's: where it stopped, and that the admin has the reason
        // (an exception's text and a server path are no help on a clerk's screen); the English keeps it.
        // No reason was kept: the process ended (a kill, a power cut) or could no longer write one (out of memory).
        var why = lastFailure ?? $"the attempt ended while {stageEn} without a reason kept (the process was ended, or ran out of memory)";
        return new ValidationReport([new ValidationIssue(RuleCodes.S1, Severity.Error, Core.Json.JsonPath.Root,
            $"处理了 {MaxAttempts} 次均未成功，已停止重试（不是填写的问题）。最后一次停在“{stage}”，原因已记入服务日志和 .errors.json。请联系管理员；问题解决后可重新提交。",
            $"Processing failed {MaxAttempts} times and is not retried any more. The last attempt stopped while {stageEn}: {why}. Contact the admin; submit again once it is fixed.")]);
    }

    private static (string Zh, string En) Describe(ClaimStage stage) => stage switch
    {
        ClaimStage.Reading => ("读取和检查文件", "reading and checking the file"),
        ClaimStage.Rendering => ("生成 Word 文档", "filling the template"),
        ClaimStage.AwaitingPdf => ("等待转换 PDF", "waiting for its PDF"),
        ClaimStage.ConvertingPdf => ("转换 PDF", "converting it to PDF"),
        ClaimStage.Publishing => ("发布结果", "publishing the results"),
        ClaimStage.Failed => ("处理出错", "failing"),
        _ => ("开始处理", "starting on it"),
    };
}
