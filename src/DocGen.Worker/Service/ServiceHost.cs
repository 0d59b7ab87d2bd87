using DocGen.Core.Frameworks;
using DocGen.Worker.Pdf;
using DocGen.Worker.Service.Status;
using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service;

/// <summary>Builds and runs the Microsoft.Extensions.Hosting host of <c>docgen run</c>.</summary>
public static class ServiceHost
{
    public static HostApplicationBuilder CreateBuilder(string[] configurationArgs)
    {
        // The defaults are DocGenOptions' own; appsettings.json beside the executable (logging, and
        // any DocGen:X an admin sets), environment variables and the command line override them.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddDocGenService();
        builder.Services.AddOpenTelemetryExport(builder.Configuration);
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(static o => o.ServiceName = "DocGen");
        builder.Logging.AddConsoleFormatter<SafeConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        builder.Services.PostConfigure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(static o => o.FormatterName = SafeConsoleFormatter.FormatterName); // after AddSystemd's choice: the layout follows systemd all the same
        return builder;
    }

    public static async Task<int> RunAsync(string[] configurationArgs, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var builder = CreateBuilder(configurationArgs);
            if (ConfigurationCheck.Problems(builder.Configuration) is { Count: > 0 } problems)
            {
                await error.WriteLineAsync("配置有误 Invalid configuration:").ConfigureAwait(false);
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync("  " + problem).ConfigureAwait(false);
                }

                return ExitCodes.UsageOrIo;
            }

            using var host = builder.Build();

            // Validated here, before the host starts: a failure is our one-line message, not the host's logged stack trace.
            _ = host.Services.GetRequiredService<IOptions<DocGenOptions>>().Value;
            _ = host.Services.GetRequiredService<FrameworkCatalog>(); // a templates folder without frameworks, or a broken framework: one line, not the host's stack trace
            _ = host.Services.GetRequiredService<PdfOutput>(); // with PDF on, LibreOffice must be there
            var (traces, metrics) = OpenTelemetryExport.Configured(builder.Configuration);
            if (traces || metrics)
            {
                host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceHost)).OtlpExport(traces, metrics, builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc");
            }
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("配置有误 Invalid configuration:").ConfigureAwait(false);
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync($"  {DocGenOptions.Section}: {failure}").ConfigureAwait(false);
            }

            return ExitCodes.UsageOrIo;
        }
        catch (Exception ex) when (ex is FrameworkException or PdfConverterException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"无法启动 Cannot start: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }
    }
}
