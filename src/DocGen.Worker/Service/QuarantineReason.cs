namespace DocGen.Worker.Service;

/// <summary>Why an entry of DocGen's own folders was moved aside (<see cref="Quarantine"/>).</summary>
public enum QuarantineReason
{
    /// <summary>In <c>processing/</c>, where DocGen makes only claim folders: a file, link or FIFO.</summary>
    NotAClaim,

    /// <summary>A claim's lock file is a link, FIFO, folder or a file with more than one name.</summary>
    PlantedLock,

    /// <summary>A name DocGen stages its own files under in a claim holds something it did not write.</summary>
    PlantedInClaim,

    /// <summary>The reservation name of an output (a receipt, a JSON report) holds a link, FIFO, folder or device.</summary>
    PlantedOutputName,

    /// <summary>A note in <c>pdf-pending/</c> that is not DocGen's, or whose document has no receipt saying it was published with its PDF pending.</summary>
    UnknownPendingPdf,

    /// <summary>A folder dropped as a submission and refused, past the retention of <c>failed/</c>: moved aside whole rather than deleted through whatever is inside.</summary>
    ExpiredFolder,

    /// <summary>A claim's publish manifest names a move DocGen never makes (outside its folders, another claim's, an overwrite it does not do).</summary>
    ForgedManifest,
}
