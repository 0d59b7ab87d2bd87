using DocGen.Worker.Service.Processing;

namespace DocGen.Worker.Service;

/// <summary>
/// Takes one inbox entry to its end, exactly once, along its claim's life: the
/// <see cref="ReadinessGate"/> looks at it safely (waiting while it is still being written) and
/// claims it, the <see cref="ClaimRunner"/> runs the attempt, the <see cref="DocumentRelease"/>
/// generates and publishes the document or the report. A claim a dead process left behind is
/// finished by <see cref="ClaimRecovery"/>; one that keeps failing for a reason of its own ends in
/// <c>failed/</c> after <see cref="Claims.AttemptPolicy.MaxAttempts"/>.
/// </summary>
public sealed class SubmissionProcessor(ReadinessGate gate, ClaimRunner runner, ClaimRecovery recovery)
{
    /// <summary>
    /// Processes one inbox entry if it is ready. Returns false when it was left for later (still
    /// being written, no usable template yet) or taken by another process.
    /// </summary>
    public async Task<bool> TryProcessAsync(string inboxPath, CancellationToken cancellationToken)
    {
        if (gate.TryClaim(inboxPath) is not { } entry)
        {
            return false;
        }

        await runner.RunAsync(entry, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Finishes the claims in <c>processing/</c> that no running process owns: left by a crash, or
    /// waiting for a usable template. A claim another instance is working on is never taken over.
    /// </summary>
    public Task RecoverAsync(CancellationToken cancellationToken) => recovery.RecoverAsync(cancellationToken);
}
