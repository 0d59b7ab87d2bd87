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

    public ClaimStore Claims() => new(Folders, ResiliencePipeline.Empty, Clock, NullLogger<ClaimStore>.Instance);

    public StableFileReader Reader() => new(Microsoft.Extensions.Options.Options.Create(Options), ResiliencePipeline.Empty, Clock, NullLogger<StableFileReader>.Instance);

    public Publisher Publisher() => new(Folders, Microsoft.Extensions.Options.Options.Create(Options), ResiliencePipeline.Empty);

    public TemplateStore Templates() => new(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<TemplateStore>.Instance, Clock);

    /// <summary>Writes a file into the inbox and returns its path.</summary>
    public string Drop(string name, string content)
    {
        var path = Path.Combine(Folders.Inbox, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
