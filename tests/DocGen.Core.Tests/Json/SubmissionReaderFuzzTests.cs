using System.Diagnostics;
using System.Text.Json.Nodes;
using DocGen.Core.Tests.Support;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Json;

/// <summary>
/// Mutated bytes fed to the submission reader and validator: every case ends in a report — never
/// an exception, never a hang (over a second, twice), never unbounded memory.
/// <c>DOCGEN_FUZZ_CASES=1000000 dotnet test tests/DocGen.Core.Tests --filter FullyQualifiedName~Fuzz</c> runs a longer campaign.
/// </summary>
public sealed class SubmissionReaderFuzzTests
{
    private static readonly string[] s_tokens =
    [
        "null", "true", "false", "{}", "[]", "\"\"", "0", "-0", "1e999", "1.5e3", "0.001", "NaN", "\"\\ud800\"", "\"\\u0000\"", "\\", "\"kind\":",
        "\"projects\":[{", "\"indicators\":[", "\"value\":\"95%\"", "\"comparator\":\"≧\"", "\"total\":\"120,000.00\"", "，", "：", "“", "”", "｛", "［",
        "//", "/*", "*/", "\uFEFF", "\u0007", "𠀀", "\"fiscalYear\":2025，", "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":1",
    ];

    [Fact]
    public void MutatedSubmissions_AlwaysEndInAReport()
    {
        var corpus = Directory.EnumerateFiles(Repo.Fixture("invalid"), "*.json").Where(static f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Append(Repo.Fixture("S001-seed.json")).Select(File.ReadAllBytes).ToList();
        var cases = Mutator.Cases(100_000);
        var workers = Environment.ProcessorCount;
        var slowest = new double[workers];
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        Parallel.For(0, workers, worker =>
        {
            var mutator = new Mutator(20261130 + worker, corpus, s_tokens);
            var random = new Random(19700101 + worker);
            for (var i = worker; i < cases; i += workers)
            {
                // Half the cases mutate the seed's tree, so the content rules are reached too.
                var input = i % 2 == 0 ? mutator.Next() : MutateTree(random);
                var (seconds, outcome) = RunCase(input, worker, i);
                outcomes.AddOrUpdate(outcome, 1, static (_, n) => n + 1);
                if (seconds > 1)
                {
                    // Once may be the machine (a shared, noisy one); twice is the input.
                    Assert.True(RunCase(input, worker, i).Seconds <= 1, $"case {i} (worker {worker}) took over a second twice");
                }

                slowest[worker] = Math.Max(slowest[worker], seconds);
            }
        });

        TestContext.Current.TestOutputHelper?.WriteLine($"{cases:N0} cases, slowest {slowest.Max() * 1000:F1} ms; outcomes: {string.Join(", ", outcomes.OrderByDescending(static o => o.Value).Select(static o => $"{o.Key} {o.Value:N0}"))}");
    }

    private static readonly JsonNode s_seed = JsonNode.Parse(File.ReadAllText(Repo.Fixture("S001-seed.json")))!;

    private static readonly JsonNode?[] s_values =
    [
        null, 0, -1, 0.25, 95, 1e20m, decimal.MaxValue, int.MinValue, true, "", " ", "95%", "120,000.00", "１２３", "≧", "大于等于", "=>", "0.250", "12月", "13月底",
        "一是一是", "a,b;c:(d)", "**", "XX", "𠀀", new string('长', 20_001), new JsonArray(), new JsonObject(), new JsonArray(1, 2, 3), new JsonObject { ["x"] = 1 },
    ];

    /// <summary>The seed with one to three of its values replaced, removed or duplicated under another name.</summary>
    private static byte[] MutateTree(Random random)
    {
        JsonNode root;
        lock (s_seed)
        {
            root = s_seed.DeepClone();
        }

        for (var round = 0; round < 1 + random.Next(3); round++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var node = nodes[random.Next(nodes.Count)];
            var parent = node.Parent;
            var value = s_values[random.Next(s_values.Length)]?.DeepClone();
            switch (parent)
            {
                case JsonObject o when random.Next(4) == 0:
                    o.Remove(node.GetPropertyName());
                    break;
                case JsonObject o when random.Next(4) == 0:
                    o[node.GetPropertyName() + "x"] = value;
                    break;
                case JsonObject o:
                    o[node.GetPropertyName()] = value;
                    break;
                case JsonArray a when random.Next(3) == 0:
                    a.Add(node.DeepClone());
                    break;
                case JsonArray a:
                    a[node.GetElementIndex()] = value;
                    break;
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        if (node.Parent is not null)
        {
            into.Add(node);
        }

        var children = node switch
        {
            JsonObject o => o.Select(static p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is not null)
            {
                Collect(child, into);
            }
        }
    }

    /// <summary>Runs one case; returns its time and a word for what it ended in (valid, or its first error code).</summary>
    private static (double Seconds, string Outcome) RunCase(byte[] input, int worker, int i)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        DocGen.Core.Validation.SubmissionCheck check;
        try
        {
            check = Repo.Validator.Check(input);
        }
        catch (Exception ex)
        {
            var replay = Path.Combine(Path.GetTempPath(), $"docgen-fuzz-submission-{worker}-{i}.json");
            File.WriteAllBytes(replay, input);
            Assert.Fail($"case {i} (worker {worker}) threw {ex.GetType().Name}: {ex.Message} (input saved as {replay})\n{ex.StackTrace}");
            throw;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Assert.True(check.Report.Issues.Count > 0 || check.IsValid, $"case {i} (worker {worker}): neither valid nor reported");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 512L * 1024 * 1024, $"case {i} (worker {worker}) allocated over 512 MB");
        return (seconds, check.IsValid ? "valid" : check.Report.Errors.First().Code);
    }
}
