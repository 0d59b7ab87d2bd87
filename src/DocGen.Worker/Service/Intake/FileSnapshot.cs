using DocGen.Worker.IO;

namespace DocGen.Worker.Service.Intake;

/// <summary>A file's bytes as read, with its stamp from just before the read.</summary>
public sealed record FileSnapshot(string Path, byte[] Bytes, FileStamp Stamp);
