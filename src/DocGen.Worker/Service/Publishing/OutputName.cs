namespace DocGen.Worker.Service.Publishing;

/// <summary>One published file of a family: a folder and what follows the stem in its name.</summary>
internal sealed record OutputName(string Folder, string Suffix)
{
    public string For(string stem) => Path.Combine(Folder, stem + Suffix);
}
