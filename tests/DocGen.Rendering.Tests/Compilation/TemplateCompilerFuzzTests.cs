using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Pipeline;
using DocGen.Rendering.Tests.Support;
using DocGen.Tests.Shared;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Tests.Compilation;

/// <summary>
/// Mutated templates fed to the compiler (and, when one compiles, the seed rendered with it):
/// every case ends in a compiled template or a list of problems — never another exception,
/// never a hang. Half the cases mutate the document's XML and tags inside a valid package, half
/// the package's bytes. <c>DOCGEN_FUZZ_CASES</c> sets the count (templates: a tenth of it).
/// </summary>
public sealed class TemplateCompilerFuzzTests
{
    private static readonly string[] s_tokens =
    [
        "{{", "}}", "{{{", "｛｛", "{{#each projects}}", "{{/each}}", "{{#if hasPart1}}", "{{/if}}", "{{else}}", "{{#with unit}}", "{{/with}}",
        "{{#cells spendingPlan}}", "{{/cells}}", "{{merge level1}}", "{{amount budget.total}}", "{{amout x}}", "{{../../..}}", "{{@index}}",
        "{{#each", "\"", "“", "(", ")", "<w:p>", "</w:p>", "<w:tc>", "</w:tr>", "<w:tbl>", "<w:br w:type=\"page\"/>", "<w:ins w:id=\"1\">",
        "<w:bookmarkStart w:id=\"9\" w:name=\"_Toc1\"/>", "<w:bookmarkEnd w:id=\"9\"/>", "&amp;", "&#0;", "<!--", "]]>", "<?x?>",
    ];

    [Fact]
    public void MutatedTemplates_AlwaysEndInATemplateOrItsProblems()
    {
        var templates = Directory.EnumerateFiles(Docs.Fixture("templates"), "*.docx").Append(Docs.TemplatePath).Select(File.ReadAllBytes).ToList();
        var documents = templates.Select(static t => DocumentXml(t)).ToList();
        var seed = Encoding.UTF8.GetBytes(Docs.SeedJson);
        var cases = Math.Max(1, Mutator.Cases(100_000) / 20); // a template costs ~100× a submission
        var workers = Environment.ProcessorCount;
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        Parallel.For(0, workers, worker =>
        {
            var xml = new Mutator(20261201 + worker, documents, s_tokens);
            var bytes = new Mutator(20261202 + worker, templates, ["PK\u0003\u0004", "\u0000\u0000\u0000\u0000"]);
            var random = new Random(worker);
            for (var i = worker; i < cases; i += workers)
            {
                var pick = random.Next(templates.Count);
                var template = (i % 4) switch
                {
                    0 or 1 => WithDocument(templates[pick], TypedInWord(documents[pick], random)),
                    2 => WithDocument(templates[pick], xml.Next()),
                    _ => bytes.Next(),
                };
                var (seconds, outcome) = RunCase(template, seed, i);
                if (seconds > 1)
                {
                    // Once may be the machine (a shared, noisy one); twice is the input.
                    Assert.True(RunCase(template, seed, i).Seconds <= 1, $"case {i} (worker {worker}) took over a second twice");
                }

                outcomes.AddOrUpdate(outcome, 1, static (_, n) => n + 1);
            }
        });

        TestContext.Current.TestOutputHelper?.WriteLine($"{cases:N0} template cases; outcomes: {string.Join(", ", outcomes.OrderByDescending(static o => o.Value).Select(static o => $"{o.Key} {o.Value:N0}"))}");
    }

    /// <summary>One case: a compiled template renders the seed (or fails as T9), a broken one lists its problems; anything else fails the test.</summary>
    private static (double Seconds, string Outcome) RunCase(byte[] template, byte[] seed, int i)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        string outcome;
        try
        {
            var compiled = TemplateCompiler.Compile(template, "fuzz.docx");
            outcome = Docs.Generate(seed, compiled) switch
            {
                Generated => "rendered",
                TemplateFailed => RuleCodes.T9,
                var other => other.GetType().Name,
            };
        }
        catch (TemplateException ex)
        {
            Assert.NotEmpty(ex.Problems);
            outcome = ex.Problems[0].Code;
        }
        catch (Exception ex)
        {
            var replay = Path.Combine(Path.GetTempPath(), $"docgen-fuzz-template-{i}.docx");
            File.WriteAllBytes(replay, template);
            Assert.Fail($"case {i} threw {ex.GetType().Name}: {ex.Message} (input saved as {replay})\n{ex.StackTrace}");
            throw;
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1024L * 1024 * 1024, $"case {i} allocated over 1 GB");
        return (clock.Elapsed.TotalSeconds, outcome);
    }

    /// <summary>What an admin can type in Word: tags and text inserted into, or removed from, the document's text runs (the XML stays well-formed).</summary>
    private static byte[] TypedInWord(byte[] documentXml, Random random)
    {
        var xml = Encoding.UTF8.GetString(documentXml);
        for (var round = 0; round < 1 + random.Next(3); round++)
        {
            if (random.Next(3) == 0 && xml.IndexOf("{{", random.Next(xml.Length), StringComparison.Ordinal) is var start and >= 0
                && xml.IndexOf("}}", start, StringComparison.Ordinal) is var end and >= 0 && end - start < 80)
            {
                xml = xml.Remove(start, end + 2 - start); // a tag deleted
                continue;
            }

            var at = xml.IndexOf("</w:t>", random.Next(xml.Length), StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var token = s_tokens[random.Next(s_tokens.Length)];
            xml = xml.Insert(at, System.Security.SecurityElement.Escape(token));
        }

        return Encoding.UTF8.GetBytes(xml);
    }

    private static byte[] DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static byte[] WithDocument(byte[] docx, byte[] documentXml)
    {
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var result = new MemoryStream();
        using (var output = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var to = output.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName == "word/document.xml")
                {
                    to.Write(documentXml);
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return result.ToArray();
    }
}
