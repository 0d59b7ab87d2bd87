using System.Diagnostics;
using DocGen.Tests.Shared;
using DocGen.Workbooks.Tests.Support;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// The seed's workbook with one of its parts mutated (then zipped again, so the damage reaches the
/// XML and not only the zip's checksums): every case ends in a report — never an exception, never
/// a hang (over two seconds, twice). 10,000 cases by default; <c>DOCGEN_FUZZ_CASES=1000000 dotnet test tests/DocGen.Workbooks.Tests --filter FullyQualifiedName~Fuzz</c> runs 100,000.
/// </summary>
public sealed class WorkbookFuzzTests
{
    private static readonly string[] s_tokens =
    [
        "<c r=\"A1\" t=\"s\"><v>999999</v></c>", "<c r=\"ZZZZ99999999\"><v>1</v></c>", "<c t=\"e\"><v>#REF!</v></c>", "<c><f>1/0</f></c>", "<v>1e308</v>", "<v>-0</v>",
        "<v>NaN</v>", "<row r=\"1048577\">", "<row r=\"0\">", "<row>", "</row>", "<mergeCell ref=\"A1:XFD1048576\"/>", "<mergeCell ref=\"B2:A1\"/>", "<si><r><t>x</t></r></si>",
        "<si><rPh><t>y</t></rPh></si>", "<is><t>z</t></is>", "t=\"inlineStr\"", "t=\"b\"", "t=\"str\"", "t=\"d\"", "s=\"99\"", "<numFmt numFmtId=\"200\" formatCode=\"0%;\"/>",
        "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "<x:c", "xmlns=\"\"", "\uFEFF", "项目编码", "一是", "预算数", "<sheet name=\"预算项目\" sheetId=\"9\" r:id=\"rId99\"/>",
    ];

    [Fact]
    public void MutatedWorkbooks_AlwaysEndInAReport()
    {
        var entries = Books.Entries(Books.Seed);
        var xml = entries.Select(static (e, i) => (e.Name, Index: i)).Where(static e => e.Name.EndsWith(".xml", StringComparison.Ordinal) || e.Name.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        var mutators = xml.Select((e, i) => new Mutator(20261130 + i, [entries[e.Index].Content], s_tokens)).ToList();
        var random = new Random(20261130);
        var cases = Math.Max(1, Mutator.Cases(100_000) / 10); // a workbook costs ~10× a JSON submission
        var slowest = 0.0;
        var outcomes = new Dictionary<string, int>();
        for (var n = 0; n < cases; n++)
        {
            var pick = random.Next(xml.Count);
            var copy = entries.ToList();
            copy[xml[pick].Index] = (xml[pick].Name, mutators[pick].Next());
            var book = Books.Zip([.. copy]);
            var (seconds, outcome) = Run(book, n);
            if (seconds > 2)
            {
                Assert.True(Run(book, n).Seconds <= 2, $"case {n} ({xml[pick].Name}) took over two seconds twice");
            }

            slowest = Math.Max(slowest, seconds);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{cases:N0} cases, slowest {slowest * 1000:F1} ms; outcomes: {string.Join(", ", outcomes.OrderByDescending(static o => o.Value).Select(static o => $"{o.Key} {o.Value:N0}"))}");
    }

    private static (double Seconds, string Outcome) Run(byte[] book, int n)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var check = Books.Check(book);
            Assert.True(check.Report.Issues.Count > 0 || check.IsValid, $"case {n}: no verdict");
            return (clock.Elapsed.TotalSeconds, check.IsValid ? "valid" : check.Report.Issues[0].Code);
        }
        catch (Exception ex)
        {
            Assert.Fail($"case {n}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            throw;
        }
    }
}
