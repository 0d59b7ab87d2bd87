namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// The moves that publish a processed claim, written before the first move so that a restart
/// after a crash finishes them instead of processing the submission a second time. Its targets
/// are relative to the root and it names its claim: read back, it is checked by
/// <see cref="ManifestCheck"/> before any move is made, since the claim folder is shared too.
/// </summary>
internal sealed record PublishManifest(string Outcome, string Stem, IReadOnlyList<PublishMove> Moves)
{
    /// <summary>Its staged name in the claim.</summary>
    public const string StagedName = ".docgen-publish.json";

    /// <summary>The claim (its folder's name) the manifest was written in; null in one written before DocGen 2026-12 named it.</summary>
    public string? Claim { get; init; }
}
