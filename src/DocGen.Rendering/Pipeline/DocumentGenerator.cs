using System.Diagnostics;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Model;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Pipeline;

/// <summary>
/// Renders a checked submission: map it to the model templates see, fill the compiled template.
/// A template that cannot be filled with a valid submission is a report (T9), never an exception.
/// The way from a submission's bytes to here is the Worker's <c>SubmissionPipeline</c>.
/// </summary>
public static class DocumentGenerator
{
    /// <summary>Renders a submission already checked.</summary>
    public static GenerationResult Render(ValidSubmission valid, CompiledTemplate template)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(template);
        var clock = Stopwatch.StartNew();
        var document = new MemoryStream(template.SizeHint);
        try
        {
            DocxRenderer.Render(template, ModelMapper.Map(valid), document);
        }
        catch (TemplateRenderException ex)
        {
            return new TemplateFailed(new ValidationReport([new ValidationIssue(RuleCodes.T9, Severity.Error, JsonPath.Root,
                $"模板“{template.Name}”无法填充此申报（{ex.Part}）：{ex.InnerException?.Message}。申报本身通过了校验；请管理员检查模板后重新提交。",
                $"Template '{template.Name}' could not be filled with this submission ({ex.Part}): {ex.InnerException?.Message}. The submission itself is valid; ask the admin to check the template, then submit again.")]))
            { RenderTime = clock.Elapsed };
        }

        return new Generated(valid, document.GetBuffer().AsMemory(0, (int)document.Length)) { RenderTime = clock.Elapsed };
    }
}
