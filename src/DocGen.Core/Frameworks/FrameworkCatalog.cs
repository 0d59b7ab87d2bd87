namespace DocGen.Core.Frameworks;

/// <summary>The frameworks a submission may name, by <see cref="IndicatorFramework.Name"/>.</summary>
public sealed class FrameworkCatalog
{
    public const string DefaultName = "legacy";

    /// <summary>The folder of framework files inside a templates folder.</summary>
    public const string FolderName = "frameworks";

    /// <summary>Which files in it are frameworks.</summary>
    public const string FilePattern = "*.framework.json";

    private readonly Dictionary<string, IndicatorFramework> _byName;

    public FrameworkCatalog(IEnumerable<IndicatorFramework> frameworks)
    {
        _byName = [];
        foreach (var f in frameworks)
        {
            if (!_byName.TryAdd(f.Name, f))
            {
                throw new FrameworkException(f.Name, [$"two framework files are named '{f.Name}'"]);
            }
        }

        if (!_byName.ContainsKey(DefaultName))
        {
            throw new FrameworkException(DefaultName, [$"the default framework '{DefaultName}' is missing"]);
        }
    }

    /// <summary>
    /// Loads every framework file of a templates folder (<c>frameworks/*.framework.json</c>), in
    /// name order; a broken file throws <see cref="FrameworkException"/> naming it. The one place
    /// DocGen reads framework files from disk.
    /// </summary>
    public static FrameworkCatalog LoadFolder(string templatesFolder)
    {
        var folder = Path.Combine(templatesFolder, FolderName);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No indicator frameworks folder at '{folder}'.");
        }

        return new FrameworkCatalog(Directory.EnumerateFiles(folder, FilePattern)
            .Order(StringComparer.Ordinal)
            .Select(static file => FrameworkLoader.Load(File.ReadAllBytes(file), file)));
    }

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public IndicatorFramework? Find(string? name) => _byName.GetValueOrDefault(name ?? DefaultName);

    /// <summary>Every 一级 name of every framework, aliases included, once each: what a 一级 column may show.</summary>
    public IReadOnlyList<string> Level1Names => [.. Frameworks.SelectMany(static f => f.Level1).SelectMany(static l => l.Aliases.Prepend(l.Name)).Distinct()];

    /// <summary>Every 二级 name of every framework, aliases included, once each: what a 二级 column may show.</summary>
    public IReadOnlyList<string> Level2Names => [.. Frameworks.SelectMany(static f => f.Level1).SelectMany(static l => l.Level2).SelectMany(static l => l.Aliases.Prepend(l.Name)).Distinct()];

    private IEnumerable<IndicatorFramework> Frameworks => Names.Select(name => _byName[name]);
}
