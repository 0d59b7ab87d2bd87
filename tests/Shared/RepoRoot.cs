namespace DocGen.Tests.Shared;

/// <summary>The repository root (the folder holding DocGen.sln), found from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DocGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DocGen.sln not found above " + AppContext.BaseDirectory);
    }
}
