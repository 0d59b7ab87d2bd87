namespace DocGen.Worker.Service.Status;

/// <summary>How a submission ended, as <c>/metrics</c> labels it and the status page says it.</summary>
public enum SubmissionEnd
{
    /// <summary>Its document (and PDF, when on) published.</summary>
    Published,

    /// <summary>Read and found wrong: its report names the mistakes (or S1: the service failed on it three times).</summary>
    Rejected,

    /// <summary>Refused before its content was read: a link, FIFO or other special file, a hard link, too large, unreadable, or a format DocGen does not take.</summary>
    Refused,
}
