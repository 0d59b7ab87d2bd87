using DocGen.Worker.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// The status endpoints inside <c>docgen run</c> (<see cref="DocGenOptions.Http"/>): <c>/health</c>,
/// <c>/metrics</c> and the status page <c>/</c>, GET and HEAD, on Kestrel, loopback unless configured otherwise
/// (then every request must carry <see cref="DocGenOptions.HttpToken"/>). It only reads what the
/// service keeps; it never touches the folders' contents. Only the <c>Host</c> names of
/// <see cref="HttpSetting.AllowedHosts"/> are answered (400 otherwise), and the page is rendered
/// once per change (<see cref="StatusPageCache"/>).
/// </summary>
public sealed class StatusServer(
    IOptions<DocGenOptions> options,
    InboxFolders folders,
    TemplateStore templates,
    PdfOutput pdf,
    ServiceStatus status,
    InboxService inbox,
    TimeProvider time,
    ILogger<StatusServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address it listens on once started (a port 0 in the setting is the port the system chose).</summary>
    public Uri? Address { get; private set; }

    /// <summary>The status page, rendered once per change.</summary>
    internal StatusPageCache PageCache { get; } = new(status, templates, pdf, time);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.Http;
        if (string.Equals(url, DocGenOptions.HttpOff, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);

        // The slim builder puts host filtering first in the pipeline; these are its names (DNS rebinding: #33).
        builder.Services.Configure<HostFilteringOptions>(filtering =>
        {
            filtering.AllowedHosts = [.. HttpSetting.AllowedHosts(url)];
            filtering.AllowEmptyHosts = false;
            filtering.IncludeFailureMessage = false;
        });
        var app = builder.Build();
        if (options.Value.HttpToken is { Length: > 0 } token)
        {
            app.Use(new StatusAccess(token).InvokeAsync);
        }

        string[] read = [HttpMethods.Get, HttpMethods.Head]; // Kestrel sends no body for HEAD, and the same headers
        app.MapMethods("/health", read, () =>
        {
            var (code, json) = HealthReport.Build(folders, templates, pdf, status, inbox.Queued, inbox.OldestWaiting);
            return Results.Text(json, "application/json; charset=utf-8", statusCode: code);
        });
        app.MapMethods("/metrics", read, () => Results.Text(PrometheusText.Render(status, templates, inbox.Queued, inbox.OldestWaiting, pdf, time), PrometheusText.ContentType));
        app.MapMethods("/", read, () => Results.Bytes(PageCache.Page(inbox.Queued), "text/html; charset=utf-8"));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The port is taken, not ours to bind, or the address is not this machine's: the pages are not worth stopping the service for.
            logger.StatusNotStarted(url, ex.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound);
        logger.StatusListening(bound ?? url);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
