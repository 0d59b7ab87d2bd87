namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// Beside a document in <c>pdf-pending/</c>: the hash it was made with (it is converted only if it
/// still has it, and only the receipt of that document is rewritten) and its PDF's title.
/// </summary>
public sealed record PendingPdfNote(string DocumentSha256, string Title, DateTimeOffset Since);
