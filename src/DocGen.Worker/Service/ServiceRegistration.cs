using DocGen.Core.Frameworks;
using DocGen.Core.Validation;
using DocGen.Rendering.Pipeline;
using DocGen.Worker.Pdf;
using DocGen.Worker.Pipeline;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Intake;
using DocGen.Worker.Service.Processing;
using DocGen.Worker.Service.Publishing;
using DocGen.Worker.Service.Status;
using DocGen.Worker.Templates;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace DocGen.Worker.Service;

public static class ServiceRegistration
{
    /// <summary>The keyed resilience pipeline for transient file-system errors.</summary>
    public const string IoPipeline = "docgen-io";

    /// <summary>Registers the inbox service, its options (validated at start), its rooms, and the transient-I/O retry pipeline.</summary>
    public static IServiceCollection AddDocGenService(this IServiceCollection services)
    {
        services.AddOptions<DocGenOptions>().BindConfiguration(DocGenOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocGenOptions>, DocGenOptionsValidator>();
        services.AddSingleton<IValidateOptions<DocGenOptions>, HttpOptionsValidator>();
        services.AddSingleton(static sp => TemplatesOf(sp));
        services.AddSingleton(static sp => FrameworkCatalog.LoadFolder(sp.GetRequiredService<TemplateStore>().TemplatesFolder));
        services.AddSingleton(static sp => new SubmissionValidator(sp.GetRequiredService<FrameworkCatalog>()));
        services.AddSingleton<SubmissionPipeline>();
        services.AddSingleton(static sp => CreatePdfOutput(sp));
        services.AddSubmissionProcessing();
        services.AddSingleton<WarmUp>();
        services.AddSingleton<FailedRetention>();
        services.AddSingleton<PendingPdfs>();
        services.AddSingleton<InboxService>();
        services.AddHostedService(static sp => sp.GetRequiredService<InboxService>());
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<StatusServer>();
        services.AddHostedService(static sp => sp.GetRequiredService<StatusServer>());
        services.AddHostedService<Watchdog>();

        // Only transient I/O is retried (sharing violations, a share that blinks); a missing file
        // means another process took it, and validation or template errors are never retried.
        services.AddResiliencePipeline(IoPipeline, static (builder, context) => builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IOException>(static e => e is not (FileNotFoundException or DirectoryNotFoundException) && !IsAlreadyExists(e)),
            MaxRetryAttempts = 5,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            OnRetry = args =>
            {
                // Folded into one line a minute per kind of fault, like the failures themselves: a broken share retried for every file must not flood the log.
                var fault = args.Outcome.Exception;
                if (context.ServiceProvider.GetRequiredService<LogThrottle>().ShouldLog("retry/" + (fault is null ? "" : LogThrottle.KindOf(fault)), out var suppressed))
                {
                    context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<SubmissionProcessor>()
                        .TransientRetry(args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, suppressed, fault?.Message ?? "");
                }

                return ValueTask.CompletedTask;
            },
        }));
        return services;
    }

    /// <summary>
    /// What takes one inbox entry to its end — claims, reading, the <see cref="SubmissionPipeline"/>,
    /// the PDF stage, publishing — over the options, templates, pipeline and PDF output the caller
    /// registered: the service's, or the warm-up's rehearsal in a scratch folder (the one place the
    /// processor is put together).
    /// </summary>
    internal static IServiceCollection AddSubmissionProcessing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new LogThrottle(sp.GetRequiredService<TimeProvider>(), LogThrottle.Interval));
        services.TryAddSingleton(static sp => new InboxFolders(sp.GetRequiredService<IOptions<DocGenOptions>>().Value));
        services.TryAddSingleton<ServiceStatus>();
        services.TryAddSingleton<Quarantine>();
        services.TryAddSingleton<ClaimStore>();
        services.TryAddSingleton<StableFileReader>();
        services.TryAddSingleton(static sp => Flushes(sp.GetRequiredService<IOptions<DocGenOptions>>().Value, sp.GetRequiredService<InboxFolders>()));
        services.TryAddSingleton<Publisher>();
        services.TryAddSingleton<ClaimAttempts>();
        services.TryAddSingleton<Rejections>();
        services.TryAddSingleton<DocumentPublication>();
        services.TryAddSingleton<DocumentPdf>();
        services.TryAddSingleton<PublishStage>();
        services.TryAddSingleton<DocumentRelease>();
        services.TryAddSingleton<ReadinessGate>();
        services.TryAddSingleton<ClaimRunner>();
        services.TryAddSingleton<ClaimRecovery>();
        services.TryAddSingleton<SubmissionProcessor>();
        return services;
    }

    /// <summary>
    /// The processing graph on its own (the warm-up's rehearsal, tests): the same registration
    /// over the given options, templates, pipeline and clock, with no PDF, no retries and no log.
    /// </summary>
    internal static ServiceProvider StandaloneProcessing(DocGenOptions options, TemplateStore templates, SubmissionPipeline pipeline, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(templates);
        services.AddSingleton(pipeline);
        services.AddSingleton(pipeline.Validator);
        services.AddSingleton(time);
        services.AddSingleton(new PdfOutput(null));
        services.AddKeyedSingleton(IoPipeline, ResiliencePipeline.Empty);
        services.AddSingleton<ILoggerFactory>(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddSubmissionProcessing();
        return services.BuildServiceProvider();
    }

    /// <summary>The template store over the configured templates folder (Templates/ knows nothing of the service's options).</summary>
    private static TemplateStore TemplatesOf(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DocGenOptions>>().Value;
        return new TemplateStore(options.Templates, options.Template, services.GetRequiredService<ILogger<TemplateStore>>(), services.GetRequiredService<TimeProvider>());
    }

    /// <summary>
    /// The PDF converters when <see cref="DocGenOptions.Pdf"/> is on (resolved at start-up: without
    /// LibreOffice the service does not start, and says what to install), otherwise none.
    /// </summary>
    private static PdfOutput CreatePdfOutput(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DocGenOptions>>().Value;
        if (!options.Pdf)
        {
            return new PdfOutput(null);
        }

        var installation = LibreOfficeInstallation.Find(options.LibreOffice, out var problem)
            ?? throw new PdfConverterException($"PDF 输出已开启（{DocGenOptions.Section}:{nameof(DocGenOptions.Pdf)}=true），但{problem} PDF output is on, but LibreOffice cannot be used.");
        return new PdfOutput(new PdfConverterPool(
            new PdfConverterSettings(installation, options.PdfConverters, options.PdfTimeout, StartTimeout: TimeSpan.FromMinutes(1)) { MaxDocumentBytes = options.PdfMaxDocumentBytes, LongDocumentBytes = Math.Min(options.PdfMaxDocumentBytes, PdfConverterSettings.DefaultLongDocumentBytes) },
            services.GetRequiredService<ILogger<PdfConverterPool>>()));
    }

    /// <summary>“The file already exists” is an answer (another process won a race), not a transient fault.</summary>
    private static bool IsAlreadyExists(IOException e) => e.HResult is IO.Errno.EEXIST or unchecked((int)0x80070050) or unchecked((int)0x800700B7);

    /// <summary>
    /// The flushes publishing shares: none; of the whole file system when every folder is on the
    /// root's local disk (and the scope allows it); else of each folder (files flushed one by one).
    /// </summary>
    private static IO.FolderFlushes Flushes(DocGenOptions options, InboxFolders folders)
    {
        if (!options.FlushToDisk)
        {
            return new IO.FolderFlushes(null);
        }

        if (options.FlushScope != FlushScope.Files && OperatingSystem.IsLinux())
        {
            folders.CreateAll(); // what the check looks at: the folders as the service will use them
            var device = IO.SafeFile.Inspect(folders.Root).Device;
            if (folders.All.All(f => IO.SafeFile.Inspect(f) is { Kind: IO.EntryKind.Directory } folder && folder.Device == device) && (options.FlushScope == FlushScope.FileSystem || IO.FileSystemSync.IsLocalDisk(folders.Root)))
            {
                return IO.FolderFlushes.WholeFileSystem(folders.Root);
            }
        }

        return new IO.FolderFlushes(IO.DurableFolder.Flush);
    }
}
