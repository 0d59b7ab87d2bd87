using System.Text.Json;
using DocGen.Worker.Cli;
using DocGen.Core.Rules;

namespace DocGen.Worker.Tests.Cli;

public sealed class CliTests
{
    internal static string Root => DocGen.Tests.Shared.RepoRoot.Path;

    private static readonly string s_root = Root;
    private static readonly string s_templates = Path.Combine(s_root, "templates");

    internal static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DocGenCli.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Validate_SeedFixture_ExitsZeroAndPrintsWarningsInChinese()
    {
        var (exit, output, _) = await Run("validate", Path.Combine(s_root, "fixtures", "S001-seed.json"), "--templates", s_templates);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("通过校验", output, StringComparison.Ordinal);
        Assert.Contains("[V21]", output, StringComparison.Ordinal);
        Assert.Contains("$.projects[0].indicators[3].comparator", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidFile_ExitsOneWithEveryError()
    {
        var (exit, output, _) = await Run("validate", Path.Combine(s_root, "fixtures", "invalid", "I003-wrong-types.json"), "--templates", s_templates);

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("未通过校验，4 个错误", output, StringComparison.Ordinal);
        Assert.Contains("$.fiscalYear", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_PrintsAMachineReadableReport()
    {
        var (exit, output, _) = await Run("validate", Path.Combine(s_root, "fixtures", "invalid", "I001-malformed-missing-comma.json"), "--json", "--templates", s_templates);

        Assert.Equal(ExitCodes.Invalid, exit);
        using var report = JsonDocument.Parse(output);
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        var issue = report.RootElement.GetProperty("issues")[0];
        Assert.Equal(RuleCodes.D1, issue.GetProperty("code").GetString());
        Assert.Equal("Error", issue.GetProperty("severity").GetString());
        Assert.True(issue.GetProperty("line").GetInt32() > 1);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var (exit, _, error) = await Run("validate", Path.Combine(s_root, "no-such-file.json"), "--templates", s_templates);

        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("无法读取", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenFrameworkFolder_ExitsTwoNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("docgen-templates-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "frameworks"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "frameworks", "legacy.framework.json"), "{ \"name\": \"legacy\", \"level1\": [] }", TestContext.Current.CancellationToken);

            var (exit, _, error) = await Run("validate", Path.Combine(s_root, "fixtures", "S001-seed.json"), "--templates", folder.FullName);

            Assert.Equal(ExitCodes.UsageOrIo, exit);
            Assert.Contains("legacy.framework.json", error, StringComparison.Ordinal);
            Assert.Contains("level1 is empty", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("validate")]
    [InlineData("no-such-command")]
    [InlineData("validate", "a.json", "--no-such-option")]
    public async Task WrongUsage_ExitsTwo(params string[] args)
    {
        var (exit, _, error) = await Run(args);

        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("docgen --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ExplainsEveryCommand()
    {
        var (exit, output, _) = await Run("--help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("validate", output, StringComparison.Ordinal);
        Assert.Contains("schema", output, StringComparison.Ordinal);
        Assert.Contains("退出码", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_PrintsTheShippedSchema()
    {
        var (exit, output, _) = await Run("schema");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(s_root, "schemas", "submission.schema.json"), TestContext.Current.CancellationToken), output);
    }
}
