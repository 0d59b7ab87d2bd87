namespace DocGen.Worker.Service.Claims;

/// <summary>
/// One submission being processed: its own folder under <c>processing/</c>, owned by this process
/// for as long as it holds the folder's lock file open (the operating system releases the lock
/// when a process dies, so a crashed claim can be taken over). Everything staged for the
/// submission is written inside it under a hidden name.
/// </summary>
public sealed class Claim : IDisposable
{
    /// <summary>Why the last attempt failed, for the report when the claim is given up.</summary>
    private const string LastFailureFile = ".docgen-last-failure";

    private readonly FileStream _lock;

    internal Claim(string folder, FileStream lockHandle)
    {
        Folder = folder;
        _lock = lockHandle;
    }

    public string Folder { get; }

    public string Id => Path.GetFileName(Folder);

    /// <summary>The submission entry in the claim (the one name that is not hidden: a file, or whatever was dropped), or null when only staged files are left.</summary>
    public string? FindInput() => Directory.EnumerateFileSystemEntries(Folder).FirstOrDefault(static f => !Path.GetFileName(f).StartsWith('.'));

    /// <summary>The path of a staged file (a hidden name) in the claim.</summary>
    public string Staged(string name) => Path.Combine(Folder, name);

    /// <summary>Deletes what an interrupted attempt staged, so the submission can be processed again from the start.</summary>
    public void ClearStaged()
    {
        foreach (var staged in Directory.EnumerateFiles(Folder, ".*").Where(static f => Path.GetFileName(f) is not (ClaimStore.LockFile or LastFailureFile)))
        {
            File.Delete(staged);
        }
    }

    /// <summary>
    /// Counts one more attempt at processing this claim (a crash or a failure ends an attempt);
    /// returns the count including it. The count is kept in the lock file the claim holds open.
    /// </summary>
    public int RecordAttempt() => Write(Read().Attempts + 1, ClaimStage.Claimed);

    /// <summary>Takes back the last attempt: it failed for a reason outside the submission (a full disk), which must not count.</summary>
    public void UndoAttempt() => Write(Math.Max(0, Read().Attempts - 1), Read().Stage);

    /// <summary>Records the stage the current attempt has reached, kept beside the count in the lock file.</summary>
    public void Enter(ClaimStage stage) => Write(Read().Attempts, stage);

    /// <summary>The stage the last attempt reached (for a claim left by a dead process: where it died).</summary>
    public ClaimStage Stage => Read().Stage;

    /// <summary>Keeps why an attempt failed (the report says it when the claim is given up).</summary>
    public void RecordFailure(string why) => File.WriteAllText(Staged(LastFailureFile), why);

    /// <summary>Why the last attempt failed, if one did.</summary>
    public string? LastFailure => File.Exists(Staged(LastFailureFile)) ? File.ReadAllText(Staged(LastFailureFile)) : null;

    /// <summary>Removes the claim once everything in it was published: only the lock is left.</summary>
    public void Release() => Remove(everything: false);

    /// <summary>Removes the claim with whatever is left in it (only staged files of an earlier attempt).</summary>
    public void Discard() => Remove(everything: true);

    public void Dispose() => _lock.Dispose();

    /// <summary>The lock file's text: the attempt count, a space, the stage's number ("2 1").</summary>
    private (int Attempts, ClaimStage Stage) Read()
    {
        Span<byte> text = stackalloc byte[32];
        var length = RandomAccess.Read(_lock.SafeFileHandle, text, 0);
        if (!System.Buffers.Text.Utf8Parser.TryParse(text[..length], out int attempts, out var used))
        {
            return (0, ClaimStage.Claimed);
        }

        var stage = used + 1 < length && System.Buffers.Text.Utf8Parser.TryParse(text[(used + 1)..length], out int number, out _) && Enum.IsDefined((ClaimStage)number)
            ? (ClaimStage)number
            : ClaimStage.Claimed;
        return (attempts, stage);
    }

    private int Write(int attempts, ClaimStage stage)
    {
        Span<byte> text = stackalloc byte[32];
        System.Buffers.Text.Utf8Formatter.TryFormat(attempts, text, out var length);
        text[length++] = (byte)' ';
        System.Buffers.Text.Utf8Formatter.TryFormat((int)stage, text[length..], out var written);
        length += written;
        RandomAccess.Write(_lock.SafeFileHandle, text[..length], 0);
        RandomAccess.SetLength(_lock.SafeFileHandle, length);
        return attempts;
    }

    private void Remove(bool everything)
    {
        try
        {
            if (everything)
            {
                Directory.Delete(Folder, recursive: true);
                return;
            }

            File.Delete(Staged(ClaimStore.LockFile));
            try
            {
                Directory.Delete(Folder, recursive: false);
            }
            catch (IOException) when (File.Exists(Staged(LastFailureFile)))
            {
                File.Delete(Staged(LastFailureFile)); // an earlier attempt had failed
                Directory.Delete(Folder, recursive: false);
            }
        }
        catch (DirectoryNotFoundException)
        {
            // another instance's recovery removed the empty claim first
        }
        catch (IOException)
        {
            // Windows keeps the open lock file: the next recovery pass removes the empty claim
        }
    }
}
