namespace DocGen.Worker.Service.Publishing;

/// <summary>A move of a manifest that <see cref="ManifestCheck"/> found to be one DocGen makes, with its full paths.</summary>
internal sealed record ResolvedMove(string Source, string Target, bool Overwrite);
