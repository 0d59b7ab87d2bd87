using System.Text;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Pipeline;
using DocGen.Rendering.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Tests.Pipeline;

public sealed class DocumentGeneratorTests
{
    [Fact]
    public void ValidSubmission_IsGenerated_WithItsWarnings()
    {
        var result = Docs.Generate(Encoding.UTF8.GetBytes(Docs.SeedJson), Docs.Shipped);

        var generated = Assert.IsType<Generated>(result);
        Assert.Equal(11, generated.Report.WarningCount);
        Assert.Equal("legacy", generated.Submission.Framework.Name);
        Docs.AssertValid(generated.Document.ToArray());
    }

    [Fact]
    public void InvalidSubmission_IsRejected_WithEveryError_AndNothingRendered()
    {
        var result = Docs.Generate("""{ "kind": "combined", "fiscalYear": 1999 }"""u8.ToArray(), Docs.Shipped);

        var rejected = Assert.IsType<Rejected>(result);
        Assert.True(rejected.Report.ErrorCount >= 3);
        Assert.Contains(rejected.Report.Errors, static e => e.Path == "$.fiscalYear");
    }

    [Fact]
    public void TemplateThatCannotBeFilled_IsATemplateFailure_T9()
    {
        var template = TemplateCompiler.Compile(TemplateVariants.WithDocument(static xml => xml.Replace("{{indicatorValue this}}", "{{amount valueText}}", StringComparison.Ordinal)), "t9.docx");

        var result = Docs.Generate(Encoding.UTF8.GetBytes(Docs.SeedJson), template);

        var failed = Assert.IsType<TemplateFailed>(result);
        Assert.Equal(RuleCodes.T9, Assert.Single(failed.Report.Errors).Code);
        Assert.Contains("t9.docx", failed.Report.Errors.Single().Message, StringComparison.Ordinal);
    }
}
