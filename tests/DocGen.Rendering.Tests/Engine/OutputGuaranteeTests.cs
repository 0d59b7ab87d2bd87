using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Tests.Support;

namespace DocGen.Rendering.Tests.Engine;

public sealed class OutputGuaranteeTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    [Fact]
    public void DataWithBracesAnglesAmpersandsAndNewlines_PrintsLiterally()
    {
        const string Tricky = "a{{projectName}}<b>&amp; \"q\" 'x' {{{raw}}}";
        var json = TemplateVariants.With(r =>
        {
            TemplateVariants.Project(r)["fundPurpose"] = Tricky + "\n第二行\r\n第三行";
            TemplateVariants.Project(r)["projectName"] = "项目<&>";
        });

        var docx = Docs.Render(json);
        var document = Docs.Part(docx);
        var purpose = Tables.Cells(Tables.All(document)[0])[3][1];

        Assert.Equal(Tricky + "第二行第三行", purpose.Text); // w:t text; the newlines are w:br
        var text = TikaText.Export(document);
        Assert.Contains("\t" + Tricky + "\n第二行\n第三行\n", text, StringComparison.Ordinal);
        Assert.Contains("1.项目<&>绩效目标表", text, StringComparison.Ordinal);
        Docs.AssertValid(docx);
    }

    [Fact]
    public void TwentyProjectsOfThirtyIndicators_RenderAValidDocument()
    {
        var json = TemplateVariants.With(static r =>
        {
            var template = TemplateVariants.Project(r);
            var projects = new JsonArray();
            for (var p = 0; p < 20; p++)
            {
                var project = template.DeepClone().AsObject();
                project["seq"] = p + 1;
                project["projectCode"] = $"13030321PROJ{p:D9}";
                var indicators = project["indicators"]!.AsArray();
                var source = indicators.Select(static i => i!.DeepClone()).ToList();
                indicators.Clear();
                for (var i = 0; i < 30; i++)
                {
                    var indicator = source[i % source.Count].DeepClone().AsObject();
                    indicator["name"] = $"指标{i + 1}";
                    indicators.Add(indicator);
                }

                projects.Add(project);
            }

            r["projects"] = projects;
        });

        var docx = Docs.Render(json);

        Assert.Equal(40, Tables.All(Docs.Part(docx)).Count);
        Docs.AssertValid(docx);
    }

    [Fact]
    public void LongText_RendersWhole()
    {
        var longText = string.Concat(Enumerable.Repeat("很长的资金用途说明。", 1500));
        var docx = Docs.Render(TemplateVariants.With(r => TemplateVariants.Project(r)["fundPurpose"] = longText));

        Assert.Equal(longText, Tables.Cells(Tables.All(Docs.Part(docx))[0])[3][1].Text);
        Docs.AssertValid(docx);
    }

    [Fact]
    public void SameInputAndTemplate_GiveByteIdenticalDocuments()
    {
        var first = Docs.Render(Docs.SeedJson);
        var second = Docs.Render(Docs.SeedJson);

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Fact]
    public void BlocksInterpretedAtFirst_AndCompiledOnceHot_GiveByteIdenticalDocuments()
    {
        // A template of its own: every block starts interpreted and is compiled on its 32nd run,
        // here while other threads are rendering with it.
        var template = TemplateCompiler.Compile(File.ReadAllBytes(Docs.TemplatePath), "performance-goals.docx");
        var first = Docs.Render(Docs.SeedJson, template);
        var outputs = new ConcurrentBag<byte[]>();
        Parallel.For(0, TieredExpressionCompiler.CompileAfterRuns * 2, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => outputs.Add(Docs.Render(Docs.SeedJson, template)));

        Assert.Equal(TieredExpressionCompiler.CompileAfterRuns * 2, outputs.Count);
        Assert.All(outputs, output => Assert.Equal(first, output));
    }

    [Fact]
    public void Bookmarks_AreUniqueInNameAndId_TocNumberedFromTheTemplate_AndPerProject()
    {
        var json = TemplateVariants.With(static r =>
        {
            for (var i = 2; i <= 3; i++)
            {
                var copy = TemplateVariants.Project(r).DeepClone().AsObject();
                copy["seq"] = i;
                copy["projectCode"] = $"13030321WLCRBVUADKPT{i}";
                r["projects"]!.AsArray().Add(copy);
            }
        });

        var docx = Docs.Render(json);
        var starts = Docs.Part(docx).Descendants(W + "bookmarkStart").ToList();
        var names = starts.Select(static b => (string)b.Attribute(W + "name")!).ToList();
        var ids = starts.Select(static b => (string)b.Attribute(W + "id")!).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(["_Toc61447631", "_Toc61447632", "_Toc61447633", "_Toc61447634", "_Toc61447635", "_Toc61447636"], names.Where(static n => n.StartsWith("_Toc", StringComparison.Ordinal)));
        Assert.Equal(["P_13030321WLCRBVUADKPT8", "P_13030321WLCRBVUADKPT2", "P_13030321WLCRBVUADKPT3"], names.Where(static n => n.StartsWith("P_", StringComparison.Ordinal)));
        Assert.DoesNotContain("_GoBack", names);
        var ends = Docs.Part(docx).Descendants(W + "bookmarkEnd").Select(static b => (string)b.Attribute(W + "id")!).ToList();
        Assert.Equal(ids.Order(), ends.Order());
        Docs.AssertValid(docx);
    }

    [Fact]
    public void DepartmentOverallKind_RendersPart1Only_WithoutPartTitles()
    {
        var json = TemplateVariants.With(static r =>
        {
            r["kind"] = "departmentOverall";
            r.Remove("projects");
            r.Remove("amountUnit");
        });

        var docx = Docs.Render(json);
        var lines = TikaText.Lines(TikaText.Export(Docs.Part(docx)));

        Assert.Equal("部门整体绩效目标", lines[0]);
        Assert.DoesNotContain(lines, static l => l.Contains("第一部分", StringComparison.Ordinal) || l.Contains("预算项目绩效目标", StringComparison.Ordinal));
        Assert.Empty(Tables.All(Docs.Part(docx)));
        Docs.AssertValid(docx);
    }

    [Fact]
    public void ProjectGoalTableKind_RendersPart2Only()
    {
        var json = TemplateVariants.With(static r =>
        {
            r["kind"] = "projectGoalTable";
            r.Remove("overallGoal");
            r.Remove("itemizedGoals");
            r.Remove("safeguards");
        });

        var docx = Docs.Render(json);
        var lines = TikaText.Lines(TikaText.Export(Docs.Part(docx)));

        Assert.Equal("预算项目绩效目标", lines[0]);
        Assert.Equal(2, Tables.All(Docs.Part(docx)).Count);
        Docs.AssertValid(docx);
    }

    [Fact]
    public void QualitativeAndOtherComparators_PrintTheirIndicatorValue()
    {
        var json = TemplateVariants.With(static r =>
        {
            var indicators = TemplateVariants.Project(r)["indicators"]!.AsArray();
            indicators[1]!["nature"] = "qualitative";
            indicators[1]!["valueText"] = "达成目标";
            indicators[1]!.AsObject().Remove("comparator");
            indicators[1]!.AsObject().Remove("value");
            indicators[1]!.AsObject().Remove("unit");
            indicators[3]!["comparator"] = "<=";
            indicators[3]!["value"] = "30000";
            indicators[3]!["unit"] = "元";
            indicators[2]!["comparator"] = "=";
            indicators[2]!["value"] = 100;
        });

        var rows = Tables.Cells(Tables.All(Docs.Part(Docs.Render(json)))[1]).Skip(1).Select(static r => r[4].Text).ToList();

        Assert.Equal(["≥90大于或等于90%", "达成目标", "＝100等于100%", "≤30000小于或等于30000元"], rows.Take(4));
    }

    [Fact]
    public void IndicatorsOutOfOrder_AreSortedByTheFramework()
    {
        var json = TemplateVariants.With(static r =>
        {
            var indicators = TemplateVariants.Project(r)["indicators"]!.AsArray();
            var reversed = indicators.Reverse().Select(static i => i!.DeepClone()).ToArray();
            TemplateVariants.Project(r)["indicators"] = new JsonArray(reversed);
        });

        Assert.Equal(
            Tables.Structure(Docs.Part(Docs.Render(Docs.SeedJson))).Split('\n').Where(static l => l.Contains("指标|", StringComparison.Ordinal)).Select(static l => l.Split(" ‖ ")[0]),
            Tables.Structure(Docs.Part(Docs.Render(json))).Split('\n').Where(static l => l.Contains("指标|", StringComparison.Ordinal)).Select(static l => l.Split(" ‖ ")[0]));
    }
}
