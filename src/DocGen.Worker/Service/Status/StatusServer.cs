using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using System.Threading.RateLimiting;
using DocGen.Worker.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// The status endpoints inside <c>docgen run</c> (<see cref="DocGenOptions.Http"/>): <c>/health</c>,
/// <c>/metrics</c> and the status page <c>/</c>, GET and HEAD, on Kestrel, loopback unless
/// configured otherwise (then every request must carry <see cref="DocGenOptions.HttpToken"/>). It
/// only reads what the service keeps; it never touches the folders' contents. Bounded (#33): at
/// most <see cref="DocGenOptions.HttpMaxRequests"/> requests at once (503 past that, at once), small
/// requests, HTTP/1.1, only the <c>Host</c> names of <see cref="HttpSetting.AllowedHosts"/> (400
/// otherwise), and the page rendered once per change (<see cref="StatusPageCache"/>).
/// </summary>
public sealed class StatusServer(
    IOptions<DocGenOptions> options,
    InboxFolders folders,
    TemplateStore templates,
    PdfOutput pdf,
    ServiceStatus status,
    InboxService inbox,
    ServiceMetrics metrics,
    PendingPdfs pendingPdfs,
    TimeProvider time,
    ILogger<StatusServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address it listens on once started (a port 0 in the setting is the port the system chose).</summary>
    public Uri? Address { get; private set; }

    /// <summary>The status page, rendered once per change.</summary>
    internal StatusPageCache PageCache { get; } = new(status, templates, pdf, time);

    /// <summary>The permits of requests in progress (the tests hold one to stand for a request in progress).</summary>
    internal ConcurrencyLimiter? Limiter { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.Http;
        if (string.Equals(url, DocGenOptions.HttpOff, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var maxRequests = options.Value.HttpMaxRequests;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Read-only pages: HTTP/1.1 only (no h2c streams to multiply requests), small requests,
            // and a bound on open connections (one more is closed at once) beside the request limit.
            kestrel.ConfigureEndpointDefaults(static endpoint => endpoint.Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxConcurrentConnections = 8L * maxRequests;
            kestrel.Limits.MaxRequestLineSize = 4 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 50;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
        });

        // The slim builder puts host filtering first in the pipeline; these are its names (DNS rebinding: #33).
        builder.Services.Configure<HostFilteringOptions>(filtering =>
        {
            filtering.AllowedHosts = [.. HttpSetting.AllowedHosts(url)];
            filtering.AllowEmptyHosts = false;
            filtering.IncludeFailureMessage = false;
        });
        ServiceHealthChecks.Register(builder.Services.AddHealthChecks(), folders, templates, pdf, pendingPdfs, inbox);
        var app = builder.Build();
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = maxRequests, QueueLimit = 0 });
        app.Use(async (context, next) =>
        {
            using var lease = limiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            // The pages name units and submissions: not to be cached, framed, sniffed or sent on as a Referer.
            var headers = context.Response.Headers;
            headers.CacheControl = "no-store";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            await next(context).ConfigureAwait(false);
        });
        if (options.Value.HttpToken is { Length: > 0 } token)
        {
            app.Use(new StatusAccess(token).InvokeAsync);
        }

        string[] read = [HttpMethods.Get, HttpMethods.Head]; // Kestrel sends no body for HEAD, and the same headers
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = new HealthReportWriter(status).WriteAsync, AllowCachingResponses = true /* the headers above say no-store already */ }).WithMetadata(new HttpMethodMetadata(read));
        app.MapMethods("/metrics", read, () => Results.Text(PrometheusText.Render(metrics, status), PrometheusText.ContentType));
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
            limiter.Dispose();
            return;
        }

        _app = app;
        Limiter = limiter;
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

        Limiter?.Dispose();
    }
}
