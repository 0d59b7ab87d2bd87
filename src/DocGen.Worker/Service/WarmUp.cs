using System.Diagnostics;
using DocGen.Rendering.Pipeline;
using DocGen.Worker.Templates;

namespace DocGen.Worker.Service;

/// <summary>
/// Runs a built-in sample (the seed submission, embedded) through reading, validation and
/// rendering once at start-up, before files are taken: the first real submissions of a deadline
/// burst then do not pay for compiling those code paths.
/// </summary>
internal static class WarmUp
{
    private const string SampleResource = "DocGen.Worker.Samples.sample-submission.json";

    /// <summary>Milliseconds spent, or null when there was nothing to warm (no usable template yet).</summary>
    public static double? Run(DocumentGenerator generator, TemplateStore templates)
    {
        if (templates.Current is not { } template)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        using var stream = typeof(WarmUp).Assembly.GetManifestResourceStream(SampleResource);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _ = generator.Generate(copy.ToArray(), template);
        return clock.Elapsed.TotalMilliseconds;
    }
}
