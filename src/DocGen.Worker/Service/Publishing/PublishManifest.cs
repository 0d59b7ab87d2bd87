namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// The moves that publish a processed claim, written before the first move so that a restart
/// after a crash finishes them instead of processing the submission a second time.
/// </summary>
internal sealed record PublishManifest(string Outcome, string Stem, IReadOnlyList<PublishMove> Moves);
