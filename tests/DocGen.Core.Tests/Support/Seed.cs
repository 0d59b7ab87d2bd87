using System.Text;
using System.Text.Json.Nodes;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Support;

/// <summary>The seed submission as a mutable JSON tree, and shortcuts to validate variants of it.</summary>
internal static class Seed
{
    public static string Text { get; } = File.ReadAllText(Repo.Fixture("S001-seed.json"));

    public static JsonObject Json() => JsonNode.Parse(Text)!.AsObject();

    public static JsonObject Project(JsonObject root, int index = 0) => root["projects"]![index]!.AsObject();

    public static JsonObject Indicator(JsonObject root, int index, int project = 0) => Project(root, project)["indicators"]![index]!.AsObject();

    /// <summary>Validates the seed after <paramref name="mutate"/> changed it.</summary>
    public static SubmissionCheck CheckWith(Action<JsonObject> mutate)
    {
        var root = Json();
        mutate(root);
        return Check(root.ToJsonString());
    }

    public static SubmissionCheck Check(string json) => Repo.Validator.Check(Encoding.UTF8.GetBytes(json));

    public static IEnumerable<ValidationIssue> With(this SubmissionCheck check, string code)
        => check.Report.Issues.Where(i => i.Code == code);

    public static bool HasError(this SubmissionCheck check, string code, string? path = null)
        => check.Report.Errors.Any(i => i.Code == code && (path is null || i.Path == path));

    public static bool HasWarning(this SubmissionCheck check, string code, string? path = null)
        => check.Report.Warnings.Any(i => i.Code == code && (path is null || i.Path == path));

    public static string Describe(this SubmissionCheck check)
        => string.Join("\n", check.Report.Issues.Select(static i => $"{i.Severity} {i.Code} {i.Path} {i.Message}"));
}
