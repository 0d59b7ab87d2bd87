using DocGen.Core.Validation;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// The warnings of one rule in a receipt: how many, what the rule says (its first message), and
/// the first <see cref="PathsKept"/> places. A receipt stays small however many indicators share
/// a warning; the full list is the validation report's (<c>docgen validate --json</c>).
/// </summary>
public sealed record ReceiptWarnings(string Code, int Count, string Message, string MessageEn, IReadOnlyList<string> Paths)
{
    public const int PathsKept = 5;

    public static IReadOnlyList<ReceiptWarnings> Group(IEnumerable<ValidationIssue> warnings)
        => [.. warnings.GroupBy(static w => w.Code).Select(static g => new ReceiptWarnings(
            g.Key, g.Count(), g.First().Message, g.First().MessageEn, [.. g.Take(PathsKept).Select(static w => w.Source ?? w.Path)]))];
}
