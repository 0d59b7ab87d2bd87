using System.Text;
using System.Text.Json.Nodes;
using DocGen.Core.Tests.Support;
using DocGen.Core.Validation;
using DocGen.Core.Rules;

namespace DocGen.Core.Tests.Json;

public sealed class HostileInputTests
{
    [Fact]
    public void ThirtyMegabyteString_IsRefusedBySize_WithoutParsing()
    {
        var json = "{\"kind\":\"combined\",\"unit\":{\"name\":\"" + new string('长', 10 * 1024 * 1024) + "\"}}";
        var check = Seed.Check(json);

        var error = Assert.Single(check.Report.Errors);
        Assert.Equal(RuleCodes.D3, error.Code);
        Assert.Null(check.Submission);
    }

    [Fact]
    public void StringLongerThanLimit_IsReportedAtItsPath()
    {
        var check = Seed.CheckWith(r => r["overallGoal"]!["intro"] = new string('文', SubmissionLimits.Default.MaxStringLength + 1));

        Assert.True(check.HasError(RuleCodes.D8, "$.overallGoal.intro"), check.Describe());
    }

    [Fact]
    public void ArrayLongerThanLimit_IsReportedAtItsPath()
    {
        var validator = new SubmissionValidator(Repo.Frameworks, new SubmissionLimits { MaxArrayLength = 5 });
        var root = Seed.Json();
        var check = validator.Check(Encoding.UTF8.GetBytes(root.ToJsonString()));

        Assert.Contains(check.Report.Errors, static e => e.Code == RuleCodes.D8 && e.Path == "$.projects[0].indicators");
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32LE")]
    public void SeedWithByteOrderMark_IsDecodedAndValid(string encodingName)
    {
        var encoding = encodingName == "utf-8-bom" ? new UTF8Encoding(true) : Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Seed.Text)).ToArray();

        var check = Repo.Validator.Check(bytes);

        Assert.True(check.IsValid, check.Describe());
        Assert.Equal("中共秦皇岛市山海关区委区直机关工作委员会本级", check.Submission!.Unit!.Name);
    }

    [Fact]
    public void GbkBytes_AreRefusedWithAMessageNamingUtf8_NeverGarbled()
    {
        var gbk = CodePagesEncoding("GB18030").GetBytes(Seed.Text);

        var check = Repo.Validator.Check(gbk);

        var error = Assert.Single(check.Report.Errors);
        Assert.Equal(RuleCodes.D2, error.Code);
        Assert.Contains("GBK", error.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Null(check.Submission);
    }

    [Fact]
    public void MalformedJson_ReportsLineAndColumn()
    {
        var lines = Seed.Text.Split('\n');
        var target = Array.FindIndex(lines, static l => l.Contains("\"fiscalYear\"", StringComparison.Ordinal));
        lines[target] = lines[target].TrimEnd(',');

        var check = Seed.Check(string.Join('\n', lines));

        var error = Assert.Single(check.Report.Errors);
        Assert.Equal(RuleCodes.D1, error.Code);
        Assert.Equal(target + 2, error.Line); // the reader notices at the next property
        Assert.NotNull(error.Column);
        Assert.Contains($"第 {target + 2} 行", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProperty_SuggestsTheClosestName()
    {
        var check = Seed.CheckWith(static r => r["projects"]![0]!["projectNmae"] = "x");

        var error = Assert.Single(check.Report.Errors);
        Assert.Equal(RuleCodes.D6, error.Code);
        Assert.Equal("$.projects[0].projectNmae", error.Path);
        Assert.Contains("projectName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllErrorsOfASubmission_AreReportedAtOnce()
    {
        var check = Seed.CheckWith(static r =>
        {
            r["fiscalYear"] = 1990;
            r["unit"]!["code"] = "abc";
            r["projects"]![0]!["budget"]!["other"] = "5";
            r["projects"]![0]!["indicators"]![0]!["level1"] = "投入指标";
            r["projects"]![0]!["indicators"]![1]!["comparator"] = "~";
        });

        Assert.Equal([RuleCodes.V1, RuleCodes.V13, RuleCodes.V17, RuleCodes.V2, RuleCodes.V7], check.Report.Errors.Select(static e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TypeErrorsAndRuleErrors_OfTheSameFile_AreReportedTogether()
    {
        var check = Seed.CheckWith(static r =>
        {
            r["fiscalYear"] = "2021年";
            r["projects"]![0]!["budget"]!["total"] = new JsonArray();
        });

        Assert.True(check.HasError(RuleCodes.D5, "$.fiscalYear"), check.Describe());
        Assert.True(check.HasError(RuleCodes.V6, "$.projects[0].budget.total"), check.Describe());
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
