using DocGen.Rendering.Compilation;
using DocGen.Rendering.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Tests.Compilation;

/// <summary>T12: a column too narrow for its labels or for the frameworks' names, found from the template's widths, margins and font sizes.</summary>
public sealed class LabelFitCheckTests
{
    private static readonly IReadOnlyList<string> s_level1 = Docs.Frameworks.Level1Names;
    private static readonly IReadOnlyList<string> s_level2 = Docs.Frameworks.Level2Names;

    [Theory]
    [InlineData("templates/performance-goals.docx")]
    [InlineData("fixtures/templates/R001-libreoffice-resaved.docx")] // the same, re-saved by LibreOffice
    public void TheShippedTemplate_HoldsEveryLabelAndName(string template)
        => Assert.Empty(LabelFitCheck.Check(File.ReadAllBytes(Path.Combine(Docs.Root, template)), s_level1, s_level2));

    /// <summary>A007 is the shipped template as it was before its columns were widened (first columns 1125 and 1180 twips, 二级 1300).</summary>
    [Fact]
    public void TheTemplateBeforeItsColumnsWereWidened_IsWarnedOfEachLoneCharacter()
    {
        var warnings = LabelFitCheck.Check(File.ReadAllBytes(Docs.Fixture("templates", "A007-narrow-columns.docx")), s_level1, s_level2);

        // What LibreOffice printed from it: 预算规模及资金用/途, 指标值确定依/据, 社会效益指/标 (and the other six-character names).
        Assert.Contains(warnings, static w => w.Location is { Table: 1, Row: 3, Cell: 1, Context: "预算规模及资金用途" } && w.Message.Contains("预算规模/及资金用/途", StringComparison.Ordinal));
        Assert.Contains(warnings, static w => w.Location is { Table: 2, Row: 1, Cell: 6, Context: "指标值确定依据" });
        Assert.Contains(warnings, static w => w.Location is { Table: 2, Row: 2, Cell: 2, Context: "社会效益指标" });
        Assert.DoesNotContain(warnings, static w => w.Location?.Context is "可持续影响指标" or "服务对象满意度指标" or "满意度指标"); // 5 + 2, 5 + 4, one line
        Assert.All(warnings, static w => Assert.Equal(DocGen.Core.Rules.RuleCodes.T12, w.Code));
    }
}
