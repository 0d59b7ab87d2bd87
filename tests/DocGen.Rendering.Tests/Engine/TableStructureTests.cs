using DocGen.Rendering.Tests.Support;

namespace DocGen.Rendering.Tests.Engine;

public sealed class TableStructureTests
{
    [Fact]
    public void HeaderBlock_HasTheSeedsMergesAndSpans()
    {
        var docx = Docs.Render(Docs.SeedJson);
        var header = Tables.Cells(Tables.All(Docs.Part(docx))[0]);

        Assert.Equal(7, header.Count);
        var columns = Tables.Widths(Tables.All(Docs.Part(docx))[0])[0].Count; // rendered grid, with the spending plan's lines
        Assert.Equal(2, header[0].Count);
        Assert.Equal(["项目编码", "13030321WLCRBVUADKPT8", "项目名称", "机关工委业务费"], header[1].Select(static c => c.Text));
        Assert.Equal(("预算规模及资金用途", "restart"), (header[2][0].Text, header[2][0].VMerge));
        Assert.Equal(["预算数", "30000.00", "其中：财政资金", "30000.00", "其他资金", "0.00"], header[2].Skip(1).Select(static c => c.Text));
        Assert.Equal(("", "continue", 1), (header[3][0].Text, header[3][0].VMerge, header[3].Count - 1));
        Assert.Equal(("资金支出计划（%）", "restart"), (header[4][0].Text, header[4][0].VMerge));
        Assert.Equal(["3月底", "6月底", "10月底", "12月底"], header[4].Skip(1).Select(static c => c.Text));
        Assert.Equal(["25.00%", "50.00%", "75.00%", "100.00%"], header[5].Skip(1).Select(static c => c.Text));
        Assert.Equal("continue", header[5][0].VMerge);
        var gridColumns = Tables.All(Docs.Part(docx))[0].Element(System.Xml.Linq.XName.Get("tblGrid", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"))!.Elements().Count();
        Assert.All(header, row => Assert.Equal(gridColumns, row.Sum(static c => c.Span)));
        Assert.True(columns > 0);
        Assert.Equal("1.确保各项业务工作谋划到位、顺利开展。\n2.按照工作职责完成本单位的各项工作，保障机关正常运转。", header[6][1].Text);
    }

    [Fact]
    public void SpendingPlanOfFourCheckpoints_HasFourCellsOfEqualWidth()
    {
        var docx = Docs.Render(Docs.SeedJson);
        var header = Tables.All(Docs.Part(docx))[0];

        foreach (var row in Tables.Widths(header).Skip(4).Take(2))
        {
            var plan = row.Skip(1).ToList();
            Assert.Equal(4, plan.Count);
            Assert.True(plan.Max() - plan.Min() <= 2, string.Join(", ", plan));
        }

        Docs.AssertValid(docx);
    }

    [Fact]
    public void SpendingPlanOfTwoCheckpoints_SharesTheSixColumns()
    {
        var json = TemplateVariants.With(static r =>
        {
            var plan = TemplateVariants.Project(r)["spendingPlan"]!.AsArray();
            plan.RemoveAt(0);
            plan.RemoveAt(0);
        });
        var docx = Docs.Render(json);
        var header = Tables.Cells(Tables.All(Docs.Part(docx))[0]);

        Assert.Equal(["资金支出计划（%）", "10月底", "12月底"], header[4].Select(static c => c.Text));
        Assert.Equal(header[3][1].Span, header[4].Skip(1).Sum(static c => c.Span));
        var widths = Tables.Widths(Tables.All(Docs.Part(docx))[0])[4].Skip(1).ToList();
        Assert.True(Math.Abs(widths[0] - widths[1]) <= 2, string.Join(", ", widths)); // two equal halves
        Docs.AssertValid(docx);
    }

    [Fact]
    public void Level1Column_IsMergedPerGroup_OfSeveralRowsAndOfOne()
    {
        // Seed: 产出 ×4, 效益 ×3, 满意度 ×3. Drop two 满意度 rows to get a group of one.
        var json = TemplateVariants.With(static r =>
        {
            var indicators = TemplateVariants.Project(r)["indicators"]!.AsArray();
            indicators.RemoveAt(9);
            indicators.RemoveAt(8);
        });
        var docx = Docs.Render(json);
        var rows = Tables.Cells(Tables.All(Docs.Part(docx))[1]).Skip(1).ToList();

        Assert.Equal(
            ["restart", "continue", "continue", "continue", "restart", "continue", "continue", "restart"],
            rows.Select(static r => r[0].VMerge));
        Assert.Equal(["产出指标", "", "", "", "效益指标", "", "", "满意度指标"], rows.Select(static r => r[0].Text));
        Assert.All(rows, static r => Assert.Null(r[1].VMerge)); // 二级指标 is not merged by default
        Docs.AssertValid(docx);
    }

    [Fact]
    public void MergeColumnAskedForByTheAdmin_SplitsRunsWhereAnotherValueIntervenes()
    {
        var template = Rendering.Compilation.TemplateCompiler.Compile(
            TemplateVariants.WithDocument(static xml => xml.Replace("{{basis}}", "{{merge basis}}", StringComparison.Ordinal)), "merge-basis.docx");
        var json = TemplateVariants.With(static r =>
        {
            var indicators = TemplateVariants.Project(r)["indicators"]!.AsArray();
            string[] bases = ["A", "A", "B", "A", "C", "C", "C", "D", "E", "E"];
            for (var i = 0; i < bases.Length; i++)
            {
                indicators[i]!["basis"] = bases[i];
            }
        });
        var docx = Docs.Render(json, template);
        var rows = Tables.Cells(Tables.All(Docs.Part(docx))[1]).Skip(1).ToList();

        Assert.Equal(
            ["restart", "continue", "restart", "restart", "restart", "continue", "continue", "restart", "restart", "continue"],
            rows.Select(static r => r[5].VMerge));
        Assert.Equal(["A", "", "B", "A", "C", "", "", "D", "E", ""], rows.Select(static r => r[5].Text));
        Docs.AssertValid(docx);
    }

    [Fact]
    public void MergeRuns_RestartInEveryProjectsTable()
    {
        var json = TemplateVariants.With(static r =>
        {
            var second = TemplateVariants.Project(r).DeepClone().AsObject();
            second["seq"] = 2;
            second["projectCode"] = "13030321WLCRBVUADKPT9";
            r["projects"]!.AsArray().Add(second);
        });
        var docx = Docs.Render(json);
        var tables = Tables.All(Docs.Part(docx));

        Assert.Equal(4, tables.Count);
        var secondIndicators = Tables.Cells(tables[3]).Skip(1).ToList();
        Assert.Equal(("产出指标", "restart"), (secondIndicators[0][0].Text, secondIndicators[0][0].VMerge));
        Docs.AssertValid(docx);
    }

    [Fact]
    public void EveryCell_HasAParagraph_AndVMergeChainsStartWithRestart()
    {
        var docx = Docs.Render(TemplateVariants.With(static r => TemplateVariants.Project(r)["goals"]!.AsArray().RemoveAt(1)));
        var document = Docs.Part(docx);
        var w = System.Xml.Linq.XNamespace.Get("http://schemas.openxmlformats.org/wordprocessingml/2006/main");

        Assert.All(document.Descendants(w + "tc"), c => Assert.NotEmpty(c.Elements(w + "p")));
        foreach (var table in Tables.All(document))
        {
            // vMerge state by grid column (cells before it may span several columns).
            var previous = new Dictionary<int, string?>();
            foreach (var row in Tables.Cells(table))
            {
                var column = 0;
                foreach (var cell in row)
                {
                    if (cell.VMerge == "continue")
                    {
                        Assert.True(previous.GetValueOrDefault(column) is "restart" or "continue", $"a vMerge continuation at column {column} must follow a restart");
                    }

                    previous[column] = cell.VMerge;
                    column += cell.Span;
                }
            }
        }
    }
}
