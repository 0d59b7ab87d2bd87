using DocGen.Core.Frameworks;
using DocGen.Core.Validation;
using DocGen.Rendering.Pipeline;
using DocGen.Worker.IO;
using DocGen.Worker.Service;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Templates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace DocGen.Worker.Tests.Service;

/// <summary>The service's rooms built directly on a temporary root, with a fake clock: for tests of one room at a time.</summary>
internal sealed class Rooms : IDisposable
{
    private readonly List<Microsoft.Extensions.DependencyInjection.ServiceProvider> _providers = [];

    public Rooms(Action<DocGenOptions>? configure = null)
    {
        Folder = Directory.CreateTempSubdirectory("docgen-rooms-").FullName;
        Options = new DocGenOptions { Root = Path.Combine(Folder, "data"), Templates = Path.Combine(Folder, "templates"), FlushToDisk = false };
        configure?.Invoke(Options);
        Folders = new InboxFolders(Options);
        Folders.CreateAll();
    }

    public string Folder { get; }

    public DocGenOptions Options { get; }

    public InboxFolders Folders { get; }

    public FakeTimeProvider Clock { get; } = new();

    public ClaimStore Claims() => new(Folders, ResiliencePipeline.Empty, Clock, Quarantine(), NullLogger<ClaimStore>.Instance);

    public Quarantine Quarantine() => new(Folders, Clock, NullLogger<Quarantine>.Instance);

    public SubmissionValidator Validator { get; } = new(FrameworkCatalog.LoadFolder(Path.Combine(DocGen.Tests.Shared.RepoRoot.Path, "templates")));

    public StableFileReader Reader() => new(Microsoft.Extensions.Options.Options.Create(Options), Validator, Clock, NullLogger<StableFileReader>.Instance);

    public Publisher Publisher() => new(Folders, Microsoft.Extensions.Options.Options.Create(Options), ResiliencePipeline.Empty, Quarantine(), new FolderFlushes(Options.FlushToDisk ? DurableFolder.Flush : null));

    public TemplateStore Templates() => new(Options.Templates, Options.Template, NullLogger<TemplateStore>.Instance, Clock);

    /// <summary>Copies the shipped templates into this root's templates folder.</summary>
    public Rooms WithShippedTemplates()
    {
        var source = Path.Combine(DocGen.Tests.Shared.RepoRoot.Path, "templates");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Options.Templates!, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return this;
    }

    /// <summary>The whole processor on these rooms (the templates must be there: <see cref="WithShippedTemplates"/>).</summary>
    public SubmissionProcessor Processor()
    {
        var templates = Templates();
        templates.Refresh();
        var provider = ServiceRegistration.StandaloneProcessing(Options, templates, new DocGen.Worker.Pipeline.SubmissionPipeline(Validator), Clock); // the service's own registration
        _providers.Add(provider);
        return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SubmissionProcessor>(provider);
    }

    /// <summary>Writes a file into the inbox and returns its path.</summary>
    public string Drop(string name, string content)
    {
        var path = Path.Combine(Folders.Inbox, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        _providers.ForEach(static p => p.Dispose());
        Directory.Delete(Folder, recursive: true);
    }
}
