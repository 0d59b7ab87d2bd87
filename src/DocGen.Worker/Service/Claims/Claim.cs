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
    public int RecordAttempt()
    {
        var (attempts, _, deaths) = Read();
        return Write(attempts + 1, ClaimStage.Claimed, deaths);
    }

    /// <summary>Takes back the last attempt: it failed for a reason outside the submission (a full disk), which must not count.</summary>
    public void UndoAttempt()
    {
        var (attempts, stage, deaths) = Read();
        Write(Math.Max(0, attempts - 1), stage, deaths);
    }

    /// <summary>
    /// Marks the last attempt, counted, as one that ended with the process dying while it read or
    /// rendered the file: it stays counted unless a later attempt gets past those stages.
    /// </summary>
    public void RecordDeath()
    {
        var (attempts, stage, deaths) = Read();
        Write(attempts, stage, deaths + 1);
    }

    /// <summary>
    /// Records the stage the current attempt has reached, kept beside the count in the lock file.
    /// An attempt that got past reading and rendering takes back the deaths counted before it: a
    /// file that ends the process does so every time, so those were outside kills.
    /// </summary>
    public void Enter(ClaimStage stage)
    {
        var (attempts, _, deaths) = Read();
        if (AttemptPolicy.IsPastTheFile(stage))
        {
            (attempts, deaths) = (Math.Max(1, attempts - deaths), 0);
        }

        Write(attempts, stage, deaths);
    }

    /// <summary>The attempts counted so far, the current one included.</summary>
    public int Attempts => Read().Attempts;

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

    /// <summary>The lock file's text: the attempt count, the stage's number, the deaths counted ("2 1 1").</summary>
    private (int Attempts, ClaimStage Stage, int Deaths) Read()
    {
        Span<byte> text = stackalloc byte[48];
        var length = RandomAccess.Read(_lock.SafeFileHandle, text, 0);
        Span<int> fields = stackalloc int[3];
        var read = 0;
        for (var at = 0; read < fields.Length && at < length && System.Buffers.Text.Utf8Parser.TryParse(text[at..length], out int value, out var used); at += used + 1)
        {
            fields[read++] = value;
        }

        var stage = read > 1 && Enum.IsDefined((ClaimStage)fields[1]) ? (ClaimStage)fields[1] : ClaimStage.Claimed;
        return (fields[0], stage, fields[2]);
    }

    private int Write(int attempts, ClaimStage stage, int deaths)
    {
        Span<byte> text = stackalloc byte[48];
        var length = 0;
        foreach (var field in (ReadOnlySpan<int>)[attempts, (int)stage, deaths])
        {
            if (length > 0)
            {
                text[length++] = (byte)' ';
            }

            System.Buffers.Text.Utf8Formatter.TryFormat(field, text[length..], out var written);
            length += written;
        }

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
