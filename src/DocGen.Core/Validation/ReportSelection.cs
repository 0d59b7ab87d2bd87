namespace DocGen.Core.Validation;

/// <summary>
/// Which issues a report lists and which it only counts, so that a report stays readable and
/// bounded whatever the file: at most a number of issues per rule and severity, and no more than
/// a budget of bytes in all (every issue is bounded itself: values are quoted to a few dozen
/// characters, <see cref="Quoted"/>). The rest are counted by rule, in order of first appearance.
/// </summary>
internal static class ReportSelection
{
    /// <summary>An issue's most bytes per UTF-16 unit of its texts (JSON writes a control or format character as <c>\uXXXX</c>), plus what a report adds around it.</summary>
    private const int BytesPerCharacter = 6;
    private const int OverheadBytes = 200;

    public static (List<ValidationIssue> Listed, List<OmittedIssues> Omitted) Select(ValidationReport report, Func<Severity, int> perRule, long budgetBytes)
    {
        var listed = new List<ValidationIssue>();
        var perCode = new Dictionary<(string, Severity), int>();
        var omitted = new Dictionary<(string Code, Severity Severity), int>();
        var order = new List<(string Code, Severity Severity)>();
        long spent = 0;
        foreach (var issue in report.Issues)
        {
            var key = (issue.Code, issue.Severity);
            var size = SizeOf(issue);
            if ((perCode[key] = perCode.GetValueOrDefault(key) + 1) <= perRule(issue.Severity) && spent + size <= budgetBytes)
            {
                spent += size;
                listed.Add(issue);
                continue;
            }

            if (omitted.TryGetValue(key, out var count))
            {
                omitted[key] = count + 1;
            }
            else
            {
                omitted[key] = 1;
                order.Add(key);
            }
        }

        return (listed, [.. order.Select(k => new OmittedIssues(k.Code, k.Severity, omitted[k]))]);
    }

    private static long SizeOf(ValidationIssue issue)
        => OverheadBytes + (BytesPerCharacter * ((long)issue.Message.Length + issue.MessageEn.Length + issue.Path.Length
            + (issue.Location?.Length ?? 0) + (issue.Source?.Length ?? 0) + (issue.Excerpt?.Length ?? 0)));
}
