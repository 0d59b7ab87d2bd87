using System.Diagnostics;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Model;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Pipeline;

/// <summary>
/// The one pipeline of DocGen: a submission's bytes → read and validate → map to the model
/// templates see → render with a compiled template. The CLI, the inbox service, the tests and
/// the benchmark all call it rather than wiring the steps themselves.
/// </summary>
public sealed class DocumentGenerator(SubmissionValidator validator)
{
    public SubmissionValidator Validator => validator;

    /// <summary>Reads, validates and, when valid, renders; never throws for bad input or a template that cannot be filled.</summary>
    public GenerationResult Generate(ReadOnlyMemory<byte> submission, CompiledTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var clock = Stopwatch.StartNew();
        var check = validator.Check(submission);
        var readTime = clock.Elapsed;
        return check.Valid is { } valid
            ? Render(valid, template) with { ReadTime = readTime }
            : new Rejected(check.Report) { ReadTime = readTime };
    }

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
