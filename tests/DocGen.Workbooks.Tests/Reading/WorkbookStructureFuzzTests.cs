using System.Text;
using DocGen.Tests.Shared;
using DocGen.Workbooks.Tests.Support;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// The seed's workbook changed in its structure, not only its bytes: elements nested to any depth
/// in any part, rows of thousands of cells, tens of thousands of rows, huge shared-string tables,
/// merges and styles by the ten thousand. Every case ends in a report (most in X4), never an
/// exception. <c>DOCGEN_FUZZ_CASES=100000 dotnet test tests/DocGen.Workbooks.Tests --filter FullyQualifiedName~Fuzz</c>
/// runs 50 times more of them.
/// </summary>
public sealed class WorkbookStructureFuzzTests
{
    private static readonly int[] s_depths = [50, 99, 100, 101, 500, 5_000, 100_000];
    private static readonly int[] s_counts = [1_000, 9_999, 10_001, 16_384, 16_385, 70_000, 300_001];

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
            var kind = n % 6;
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
                default:
                    Edit(entries, "xl/styles.xml", "</cellXfs>", string.Concat(Enumerable.Repeat("<xf numFmtId=\"10\"/>", count)) + "</cellXfs>");
                    break;
            }

            var outcome = Run(Books.Zip([.. entries]), n, kind);
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
            return check.IsValid ? "valid" : check.Report.Issues[0].Code;
        }
        catch (Exception ex)
        {
            Assert.Fail($"case {n} (kind {kind}): {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            throw;
        }
    }
}
