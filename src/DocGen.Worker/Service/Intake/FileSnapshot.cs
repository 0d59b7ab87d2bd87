using DocGen.Worker.IO;

namespace DocGen.Worker.Service.Intake;

/// <summary>One safe look at an inbox entry: what it is and, when it could be read, its bytes.</summary>
public sealed record FileSnapshot(string Path, SafeRead Read)
{
    public byte[]? Bytes => Read.Bytes;

    public FileStamp Stamp => Read.Info.Stamp;
}
