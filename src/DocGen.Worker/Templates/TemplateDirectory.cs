namespace DocGen.Worker.Templates;

/// <summary>Finds the templates folder: Word templates and <c>frameworks/*.framework.json</c>.</summary>
public static class TemplateDirectory
{
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
        return Directory.Exists(Path.Combine(local, Core.Frameworks.FrameworkCatalog.FolderName))
            ? local
            : Path.Combine(AppContext.BaseDirectory, "templates");
    }
}
