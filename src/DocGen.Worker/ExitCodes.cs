namespace DocGen.Worker;

/// <summary>Process exit codes, the same for every command and for the service host that <c>docgen run</c> starts.</summary>
public static class ExitCodes
{
    /// <summary>Valid (warnings allowed) / done.</summary>
    public const int Ok = 0;

    /// <summary>The submission (or template) has errors.</summary>
    public const int Invalid = 1;

    /// <summary>Wrong usage, or a file that could not be read or written.</summary>
    public const int UsageOrIo = 2;
}
