namespace DocGen.Worker.Service.Publishing;

/// <summary>One move of a <see cref="PublishManifest"/>: a staged name in the claim, to a path relative to the root (<c>out/x.docx</c>).</summary>
internal sealed record PublishMove(string From, string To, bool Overwrite);
