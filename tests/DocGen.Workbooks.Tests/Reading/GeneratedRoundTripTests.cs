using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DocGen.Tests.Shared;
using DocGen.Workbooks.Tests.Support;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// Any valid submission survives its workbook: generated submissions (one to three projects, each
/// with its own checkpoint months, indicators of both natures, units from the framework's list and
/// off it, values whole and decimal, texts short and long) → workbook → read back gives the same
/// submission as the document sees it, and the same warnings; a few of them re-saved by
/// LibreOffice on the way, as a clerk without Excel would.
/// </summary>
public sealed class GeneratedRoundTripTests
{
    private static readonly string[] s_offListUnits = ["亩", "公顷", "平方米", "人次", "万元", "册", "期"];
    private static readonly string[] s_comparators = ["≥", "≤", "＝", "＞", "＜"];
    private static readonly string[] s_qualitative = ["好", "有所提升", "达到预期", "明显改善"];

    [Fact]
    public void GeneratedValidSubmissions_ComeBackFromTheirWorkbooks()
    {
        for (var n = 0; n < 100; n++)
        {
            var json = Generate(new Random(20261204 + n));
            var direct = Books.Validator.Check(json);
            Assert.True(direct.IsValid, $"case {n}: the generator made an invalid submission: " + string.Join("; ", direct.Report.Issues.Where(static i => i.Severity == Core.Validation.Severity.Error).Select(static i => $"{i.Code} {i.Path}")));

            var back = Books.Check(Books.FromJson(json));

            Assert.Equal(Books.Normalised(direct), Books.Normalised(back));
            Assert.Equal(Books.IssueKeys(direct), Books.IssueKeys(back));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void GeneratedValidSubmission_ComesBackFromItsWorkbook_ResavedByLibreOffice(int seed)
    {
        var json = Generate(new Random(seed));

        var resaved = RealClient.Convert(Books.FromJson(json), ".xlsx", "xlsx:Calc MS Excel 2007 XML", ".xlsx");

        Assert.Equal(Books.Normalised(Books.Validator.Check(json)), Books.Normalised(Books.Check(resaved)));
    }

    /// <summary>A valid submission made from the seed's content by <paramref name="random"/>.</summary>
    private static byte[] Generate(Random random)
    {
        var seed = (JsonObject)JsonNode.Parse(File.ReadAllBytes(Books.Fixture("S001-seed.json")), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var template = seed["projects"]![0]!;
        var units = Books.Frameworks.Find(seed["framework"]!.GetValue<string>())!.Units!;
        var projects = new JsonArray();
        for (var p = 0; p < random.Next(1, 4); p++)
        {
            var project = template.DeepClone().AsObject();
            project["seq"] = p + 1;
            project["projectCode"] = string.Create(CultureInfo.InvariantCulture, $"0{random.Next(10_000_000, 99_999_999)}P{p}");
            project["projectName"] = "项目" + new string('甲', random.Next(1, 12));
            project["spendingPlan"] = Plan(random);
            foreach (var indicator in project["indicators"]!.AsArray().Select(static i => i!.AsObject()))
            {
                indicator["description"] = string.Concat(Enumerable.Repeat(indicator["description"]!.GetValue<string>(), random.Next(1, 6)));
                if (random.Next(4) == 0)
                {
                    indicator["nature"] = "qualitative";
                    indicator.Remove("comparator");
                    indicator.Remove("value");
                    indicator.Remove("unit");
                    indicator["valueText"] = s_qualitative[random.Next(s_qualitative.Length)];
                }
                else
                {
                    var unit = random.Next(3) == 0 ? s_offListUnits[random.Next(s_offListUnits.Length)] : units[random.Next(units.Count)];
                    indicator["unit"] = unit;
                    indicator["comparator"] = s_comparators[random.Next(s_comparators.Length)];
                    indicator["value"] = unit == "%" ? random.Next(1, 101).ToString(CultureInfo.InvariantCulture)
                        : random.Next(2) == 0 ? random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture) : (random.Next(1, 100_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                }
            }

            projects.Add(project);
        }

        seed["projects"] = projects;
        return Encoding.UTF8.GetBytes(seed.ToJsonString());
    }

    /// <summary>A spending plan: one to four months in calendar order before 12月底, rising to 100.</summary>
    private static JsonArray Plan(Random random)
    {
        var months = Enumerable.Range(1, 11).OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Order().Append(12).ToList();
        var plan = new JsonArray();
        var percent = 0m;
        foreach (var month in months)
        {
            percent = month == 12 ? 100m : Math.Min(99.99m, percent + (random.Next(1, 2500) / 100m));
            plan.Add(new JsonObject { ["label"] = $"{month}月底", ["cumulativePercent"] = percent.ToString("0.00", CultureInfo.InvariantCulture) });
        }

        return plan;
    }
}
