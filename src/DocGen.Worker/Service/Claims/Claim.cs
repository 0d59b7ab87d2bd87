using System.Text;
using DocGen.Worker.IO;
using Microsoft.Win32.SafeHandles;

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

    /// <summary>Where an earlier version kept the reservation (now in the lock file): read when the lock file has none, removed with the claim.</summary>
    private const string LegacyReservationFile = ".docgen-reserved";

    /// <summary>The most read of a staged note (the last failure): DocGen writes a few hundred bytes.</summary>
    private const int MaxNoteBytes = 64 * 1024;

    /// <summary>The most read of the lock file: the counts (a few bytes) and a reservation (an outcome and a stem of at most 200 bytes).</summary>
    private const int MaxLockBytes = 1024;

    private readonly SafeFileHandle _lock;
    private readonly Quarantine? _quarantine;
    private readonly EntryInfo _identity;

    /// <summary>The reservation kept in the lock file after the counts, as read at the claim's start and recorded since.</summary>
    private string? _reservation;

    internal Claim(string folder, SafeFileHandle lockHandle, Quarantine? quarantine)
    {
        Folder = folder;
        _lock = lockHandle;
        _quarantine = quarantine;
        _identity = SafeFile.Inspect(folder);
        _reservation = ReadText() is var text && text.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0 && end + 1 < text.Length ? text[(end + 1)..]
            : OwnFile.ReadSmall(Staged(LegacyReservationFile), MaxNoteBytes) is { } legacy ? Encoding.UTF8.GetString(legacy) : null; // a claim an earlier version left
    }

    public string Folder { get; }

    public string Id => Path.GetFileName(Folder);

    /// <summary>The submission entry in the claim (the one name that is not hidden: a file, or whatever was dropped), or null when only staged files are left.</summary>
    public string? FindInput() => Directory.EnumerateFileSystemEntries(Folder).FirstOrDefault(static f => !Path.GetFileName(f).StartsWith('.'));

    /// <summary>The path of a staged file (a hidden name) in the claim.</summary>
    public string Staged(string name) => Path.Combine(Folder, name);

    /// <summary>
    /// Deletes what an interrupted attempt staged, so the submission can be processed again from
    /// the start; what DocGen did not stage (a link, FIFO or folder under a hidden name) is moved aside.
    /// </summary>
    public void ClearStaged()
    {
        EnsureIntact();
        foreach (var staged in Directory.EnumerateFileSystemEntries(Folder, ".*").Where(static f => Path.GetFileName(f) is not (ClaimStore.LockFile or LastFailureFile or LegacyReservationFile)))
        {
            Vacate(staged);
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
    public void RecordFailure(string why) => OwnFile.Replace(Staged(LastFailureFile), Encoding.UTF8.GetBytes(why.Length <= 2000 ? why : why[..2000] + "…"));

    /// <summary>Why the last attempt failed, if one did.</summary>
    public string? LastFailure => OwnFile.ReadSmall(Staged(LastFailureFile), MaxNoteBytes) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>
    /// Keeps the output name this claim is about to reserve, before it reserves it: in the lock file
    /// after the counts (a file less to make per document; new files are what costs most on a busy folder).
    /// </summary>
    public void RecordReservation(string reservation)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservation);
        var (attempts, stage, deaths) = Read();
        _reservation = reservation;
        Write(attempts, stage, deaths);
    }

    /// <summary>The output name an earlier attempt of this claim reserved or was about to, if any.</summary>
    public string? Reservation => _reservation;

    /// <summary>Clears a staged name that holds what this attempt did not write: a file or link is removed (never followed), anything else moved aside.</summary>
    public void Vacate(string path)
    {
        if (SafeFile.Inspect(path).Kind is EntryKind.Regular or EntryKind.SymbolicLink)
        {
            File.Delete(path);
        }
        else
        {
            _quarantine?.MoveAside(path, QuarantineReason.PlantedInClaim);
        }
    }

    /// <summary>
    /// Throws (an environmental <see cref="IOException"/>, so the attempt is not counted) when the
    /// claim's folder is no longer the one this process locked: someone renamed it away and put
    /// another folder or a link in its place. Called before DocGen deletes or publishes from it,
    /// so that nothing is done through a folder it does not hold; the renamed claim is found again
    /// at the next pass under its new name.
    /// </summary>
    public void EnsureIntact()
    {
        var now = SafeFile.Inspect(Folder);
        var checkLock = OperatingSystem.IsLinux() && !_lock.IsClosed;
        var locked = checkLock ? SafeFile.InspectOpen(_lock, Staged(ClaimStore.LockFile)) : default;
        if (now.Kind != EntryKind.Directory || now.Inode != _identity.Inode || now.Device != _identity.Device
            || (checkLock && SafeFile.Inspect(Staged(ClaimStore.LockFile)).Inode != locked.Inode))
        {
            throw new IOException($"The claim folder '{Folder}' was replaced while this process held it; it is left alone.", Errno.ESTALE);
        }
    }

    /// <summary>Removes the claim once everything in it was published: only the lock is left.</summary>
    public void Release() => Remove(everything: false);

    /// <summary>Removes the claim with whatever is left in it (only staged files of an earlier attempt).</summary>
    public void Discard() => Remove(everything: true);

    public void Dispose() => _lock.Dispose();

    /// <summary>The lock file's text: the attempt count, the stage's number, the deaths counted ("2 1 1"), then the reservation, if any, on the lines after.</summary>
    private (int Attempts, ClaimStage Stage, int Deaths) Read()
    {
        Span<byte> text = stackalloc byte[48];
        var length = RandomAccess.Read(_lock, text, 0);
        Span<int> fields = stackalloc int[3];
        var read = 0;
        for (var at = 0; read < fields.Length && at < length && text[at] != (byte)'\n' && System.Buffers.Text.Utf8Parser.TryParse(text[at..length], out int value, out var used); at += used + 1)
        {
            fields[read++] = value;
        }

        var stage = read > 1 && Enum.IsDefined((ClaimStage)fields[1]) ? (ClaimStage)fields[1] : ClaimStage.Claimed;
        return (fields[0], stage, fields[2]);
    }

    /// <summary>The whole lock file, bounded.</summary>
    private string ReadText()
    {
        var bytes = new byte[MaxLockBytes];
        var length = RandomAccess.Read(_lock, bytes, 0);
        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    private int Write(int attempts, ClaimStage stage, int deaths)
    {
        var reservation = _reservation is null ? 0 : Encoding.UTF8.GetMaxByteCount(_reservation.Length) + 1;
        Span<byte> text = stackalloc byte[48 + Math.Min(reservation, MaxLockBytes)];
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

        if (_reservation is not null && reservation <= MaxLockBytes)
        {
            text[length++] = (byte)'\n';
            length += Encoding.UTF8.GetBytes(_reservation, text[length..]);
        }

        RandomAccess.Write(_lock, text[..length], 0);
        RandomAccess.SetLength(_lock, length);
        return attempts;
    }

    private void Remove(bool everything)
    {
        try
        {
            EnsureIntact();
            if (everything)
            {
                // Not a recursive delete: a folder inside, swapped for a link while it was emptied,
                // would be followed. DocGen stages only files: a folder in a claim is moved aside whole.
                foreach (var entry in Directory.EnumerateFileSystemEntries(Folder))
                {
                    if (SafeFile.Inspect(entry).Kind == EntryKind.Directory)
                    {
                        _quarantine?.MoveAside(entry, QuarantineReason.PlantedInClaim);
                    }
                    else
                    {
                        File.Delete(entry); // a link or FIFO is removed itself
                    }
                }

                Directory.Delete(Folder, recursive: false);
                return;
            }

            File.Delete(Staged(ClaimStore.LockFile));
            try
            {
                Directory.Delete(Folder, recursive: false);
            }
            catch (IOException) when (File.Exists(Staged(LastFailureFile)) || File.Exists(Staged(LegacyReservationFile)))
            {
                File.Delete(Staged(LastFailureFile)); // an earlier attempt had failed
                File.Delete(Staged(LegacyReservationFile)); // or an earlier version kept its reservation apart
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
