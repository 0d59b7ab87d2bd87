using DocGen.Core.Frameworks;

namespace DocGen.Worker.Templates;

/// <summary>
/// Finds the templates folder (Word templates and <c>frameworks/*.framework.json</c>) and loads
/// the indicator frameworks from it.
/// </summary>
public static class TemplateDirectory
{
    public const string FrameworkFolder = "frameworks";
    public const string FrameworkPattern = "*.framework.json";

    /// <summary>The shipped template: both parts (部门整体绩效目标, 预算项目绩效目标表) in one layout.</summary>
    public const string DefaultTemplate = "performance-goals.docx";

    /// <summary>
    /// The explicit folder if given; else <c>templates/</c> under the current directory (where
    /// admins edit them in a checkout); else the copy shipped beside the executable.
    /// </summary>
    public static string Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var local = Path.GetFullPath("templates");
        return Directory.Exists(Path.Combine(local, FrameworkFolder))
            ? local
            : Path.Combine(AppContext.BaseDirectory, "templates");
    }

    /// <summary>Loads every framework file; a broken file throws <see cref="FrameworkException"/> naming it.</summary>
    public static FrameworkCatalog LoadFrameworks(string templatesDirectory)
    {
        var folder = Path.Combine(templatesDirectory, FrameworkFolder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No indicator frameworks folder at '{folder}'.");
        }

        var frameworks = Directory.EnumerateFiles(folder, FrameworkPattern)
            .Order(StringComparer.Ordinal)
            .Select(static file => FrameworkLoader.Load(File.ReadAllBytes(file), file));
        return new FrameworkCatalog(frameworks);
    }
}
