using DocGen.Core.Frameworks;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Support;

/// <summary>Locates the repository's fixtures and shipped templates from the test's output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "fixtures");

    public static string Templates => Path.Combine(Root, "templates");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    public static FrameworkCatalog Frameworks { get; } = new(
        Directory.EnumerateFiles(Path.Combine(Templates, "frameworks"), "*.framework.json")
            .Order(StringComparer.Ordinal)
            .Select(static f => FrameworkLoader.Load(File.ReadAllBytes(f), f)));

    public static SubmissionValidator Validator { get; } = new(Frameworks);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DocGen.sln not found above " + AppContext.BaseDirectory);
    }
}
