using HandlebarsDotNet;
using HandlebarsDotNet.Features;

namespace DocGen.Rendering.Engine;

/// <summary>Installs <see cref="TieredExpressionCompiler"/> in place of Handlebars' default one.</summary>
internal sealed class TieredCompilationFeature : IFeatureFactory, IFeature
{
    public IFeature CreateFeature() => new TieredCompilationFeature();

    // Runs after Handlebars' default compiler feature (features without an order come last).
    public void OnCompiling(ICompiledHandlebarsConfiguration configuration)
        => configuration.ExpressionCompiler = new TieredExpressionCompiler(configuration);

    public void CompilationCompleted()
    {
    }
}
