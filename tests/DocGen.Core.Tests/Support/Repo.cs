using DocGen.Core.Frameworks;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Support;

/// <summary>Locates the repository's fixtures and shipped templates from the test's output folder.</summary>
internal static class Repo
{
    public static string Root => DocGen.Tests.Shared.RepoRoot.Path;

    public static string Fixtures => Path.Combine(Root, "fixtures");

    public static string Templates => Path.Combine(Root, "templates");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    public static FrameworkCatalog Frameworks { get; } = FrameworkCatalog.LoadFolder(Templates);

    public static SubmissionValidator Validator { get; } = new(Frameworks);
}
