namespace DocGen.Worker.Service.Claims;

/// <summary>
/// One submission being processed: its own folder under <c>processing/</c>, owned by this process
/// for as long as it holds the folder's lock file open (the operating system releases the lock
/// when a process dies, so a crashed claim can be taken over). Everything staged for the
/// submission is written inside it under a hidden name.
/// </summary>
public sealed class Claim : IDisposable
{
    private readonly FileStream _lock;

    internal Claim(string folder, FileStream lockHandle)
    {
        Folder = folder;
        _lock = lockHandle;
    }

    public string Folder { get; }

    public string Id => Path.GetFileName(Folder);

    /// <summary>The submission file in the claim (the one name that is not hidden), or null when only staged files are left.</summary>
    public string? FindInput() => Directory.EnumerateFiles(Folder).FirstOrDefault(static f => !Path.GetFileName(f).StartsWith('.'));

    /// <summary>The path of a staged file (a hidden name) in the claim.</summary>
    public string Staged(string name) => Path.Combine(Folder, name);

    /// <summary>Deletes what an interrupted attempt staged, so the submission can be processed again from the start.</summary>
    public void ClearStaged()
    {
        foreach (var staged in Directory.EnumerateFiles(Folder, ".*").Where(static f => Path.GetFileName(f) != ClaimStore.LockFile))
        {
            File.Delete(staged);
        }
    }

    /// <summary>Removes the claim once everything in it was published: only the lock is left.</summary>
    public void Release() => Remove(everything: false);

    /// <summary>Removes the claim with whatever is left in it (only staged files of an earlier attempt).</summary>
    public void Discard() => Remove(everything: true);

    public void Dispose() => _lock.Dispose();

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
            Directory.Delete(Folder, recursive: false);
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
