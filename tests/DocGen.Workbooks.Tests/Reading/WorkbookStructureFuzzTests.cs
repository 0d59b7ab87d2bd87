using System.Text;
using DocGen.Tests.Shared;
using DocGen.Workbooks.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// The seed's workbook changed in its structure, not only its bytes: elements nested to any depth
/// in any part, rows of thousands of cells, tens of thousands of rows, huge shared-string tables,
/// merges and styles by the ten thousand; and the hostile shapes of issue #33 at sizes around
/// their limits (long text merged down thousands of rows, one shared string in every cell,
/// thousands of attributes or namespaces on one cell, thousands of checkpoint columns). Every case
/// ends in a report (most in X4), never an exception, and never in converted JSON larger than a
/// submission may be. <c>DOCGEN_FUZZ_CASES=100000 dotnet test tests/DocGen.Workbooks.Tests --filter FullyQualifiedName~Fuzz</c>
/// runs 50 times more of them.
/// </summary>
public sealed class WorkbookStructureFuzzTests
{
    private static readonly int[] s_depths = [50, 99, 100, 101, 500, 5_000, 100_000];
    private static readonly int[] s_counts = [1_000, 9_999, 10_001, 16_384, 16_385, 70_000, 300_001];
    private static readonly int[] s_characters = [1, 100, 19_000, 32_767];
    private static readonly int[] s_rows = [10, 1_000, 9_880, 1_048_575];
    private static readonly int[] s_attributes = [99, 100, 101, 999, 1_000, 1_001, 50_000];

    [Fact]
    public void StructuralMutations_AlwaysEndInAReport()
    {
        var random = new Random(20261204);
        var seed = Books.Entries(Books.Seed);
        var sheets = seed.Where(static e => e.Name.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(static e => e.Name).ToList();
        var cases = Math.Max(7, Mutator.Cases(100_000) / 2_000);
        var outcomes = new Dictionary<string, int>();
        for (var n = 0; n < cases; n++)
        {
            var entries = seed.ToList();
            var kind = n % 11;
            var count = s_counts[random.Next(s_counts.Length)];
            var sheet = sheets[random.Next(sheets.Count)];
            switch (kind)
            {
                case 0:
                    var entry = random.Next(entries.Count);
                    entries[entry] = (entries[entry].Name, Nest(entries[entry].Content, s_depths[random.Next(s_depths.Length)], random));
                    break;
                case 1:
                    Replace(entries, sheet, Books.Worksheet(Row(1, count, random.Next(2) == 0, random)));
                    break;
                case 2:
                    Replace(entries, sheet, Books.Worksheet(string.Concat(Enumerable.Range(1, count).Select(r => Row(r, 2, true, random)))));
                    break;
                case 3:
                    Replace(entries, sheet, Books.Worksheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"));
                    Edit(entries, "xl/_rels/workbook.xml.rels", "</Relationships>", "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\" Id=\"rIdS\"/></Relationships>");
                    entries.Add(("xl/sharedStrings.xml", Books.Utf8("<sst>" + string.Concat(Enumerable.Range(0, count).Select(i => $"<si><t>{i}</t></si>")) + "</sst>")));
                    break;
                case 4:
                    Edit(entries, sheet, "</worksheet>", "<mergeCells>" + string.Concat(Enumerable.Range(1, Math.Min(count, 20_000)).Select(i => $"<mergeCell ref=\"A{i}:XFD{i + random.Next(1_048_000)}\"/>")) + "</mergeCells></worksheet>");
                    break;
                case 5:
                    Edit(entries, "xl/styles.xml", "</cellXfs>", string.Concat(Enumerable.Repeat("<xf numFmtId=\"10\"/>", count)) + "</cellXfs>");
                    break;
            }

            var book = kind switch
            {
                6 => HostileWorkbooks.MergedLongText(Pick(s_characters, random), Pick(s_rows, random), 1 + random.Next(4)),
                7 => HostileWorkbooks.SharedStringReferences(Pick(s_characters, random), Pick(s_rows, random) % 10_000, 1 + random.Next(30)),
                8 => HostileWorkbooks.AttributeFlood(Pick(s_attributes, random)),
                9 => HostileWorkbooks.NamespaceFlood(Pick(s_attributes, random)),
                10 => HostileWorkbooks.CheckpointColumns(1 + random.Next(16_000), random.Next(10_000)),
                _ => Books.Zip([.. entries]),
            };
            var outcome = Run(book, n, kind);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{cases:N0} cases; outcomes: {string.Join(", ", outcomes.OrderByDescending(static o => o.Value).Select(static o => $"{o.Key} {o.Value:N0}"))}");
    }

    /// <summary>A part with <paramref name="depth"/> elements nested in one another after a random tag of it.</summary>
    private static byte[] Nest(byte[] content, int depth, Random random)
    {
        var text = Encoding.UTF8.GetString(content);
        var tags = Enumerable.Range(0, text.Length).Where(i => text[i] == '>').Skip(2).ToList();
        if (tags.Count == 0)
        {
            return content;
        }

        var at = tags[random.Next(tags.Count)] + 1;
        var name = random.Next(3) switch { 0 => "r", 1 => "x", _ => "c" };
        return Books.Utf8(text[..at] + string.Concat(Enumerable.Repeat($"<{name}>", depth)) + string.Concat(Enumerable.Repeat($"</{name}>", depth)) + text[at..]);
    }

    private static string Row(int row, int cells, bool references, Random random)
    {
        var xml = new StringBuilder($"<row r=\"{row}\">");
        for (var column = 1; column <= cells; column++)
        {
            xml.Append(references ? $"<c r=\"{Name(column)}{row}\">" : "<c>").Append("<v>").Append(random.Next(100_000)).Append("</v></c>");
        }

        return xml.Append("</row>").ToString();
    }

    private static int Pick(int[] values, Random random) => values[random.Next(values.Length)];

    private static string Name(int column) => column <= 16_384 ? DocGen.Workbooks.Reading.CellPlace.ColumnName(column) : "A";

    private static void Replace(List<(string Name, byte[] Content)> entries, string name, byte[] content) => entries[entries.FindIndex(e => e.Name == name)] = (name, content);

    private static void Edit(List<(string Name, byte[] Content)> entries, string name, string from, string to)
    {
        var index = entries.FindIndex(e => e.Name == name);
        entries[index] = (name, Books.Utf8(Encoding.UTF8.GetString(entries[index].Content).Replace(from, to, StringComparison.Ordinal)));
    }

    private static string Run(byte[] book, int n, int kind)
    {
        try
        {
            var check = Books.Check(book);
            Assert.True(check.Report.Issues.Count > 0 || check.IsValid, $"case {n} (kind {kind}): no verdict");
            Assert.True((check.Converted?.Length ?? 0) <= Books.Validator.Limits.MaxFileBytes, $"case {n} (kind {kind}): {check.Converted?.Length:N0} bytes of JSON");
            Assert.DoesNotContain(check.Report.Issues, static i => i.Code == DocGen.Core.Rules.RuleCodes.D3); // a workbook is never called a file of its JSON's size
            return check.IsValid ? "valid" : check.Report.Issues[0].Code;
        }
        catch (Exception ex)
        {
            Assert.Fail($"case {n} (kind {kind}): {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            throw;
        }
    }
}
