using System.Text;

namespace DocGen.Tests.Shared;

/// <summary>
/// A seeded mutator for fuzz tests: the same seed gives the same cases, so a failure is replayed
/// by its seed and case number. Byte-level mutations (flips, interesting bytes, splices, cuts,
/// duplicated spans) and token insertions that reach deeper than random bytes (JSON and template
/// tokens, deep nesting, huge numbers, lone surrogates, cut UTF-8).
/// </summary>
internal sealed class Mutator(int seed, IReadOnlyList<byte[]> corpus, IReadOnlyList<string> tokens)
{
    private static readonly byte[] s_interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xC0, 0xE5, 0xEF, 0xF0, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'\n'];

    private readonly Random _random = new(seed);

    /// <summary>Environment variable that sets how many cases a fuzz test runs (a longer run: <c>DOCGEN_FUZZ_CASES=1000000</c>).</summary>
    public static int Cases(int byDefault)
        => int.TryParse(Environment.GetEnvironmentVariable("DOCGEN_FUZZ_CASES"), out var n) && n > 0 ? n : byDefault;

    public byte[] Next()
    {
        var bytes = corpus[_random.Next(corpus.Count)].ToList();
        var rounds = 1 + _random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            Mutate(bytes);
        }

        return [.. bytes];
    }

    private void Mutate(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
        switch (_random.Next(9))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes[at] = s_interesting[_random.Next(s_interesting.Length)];
                break;
            case 2:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(tokens[_random.Next(tokens.Count)]));
                break;
            case 3 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(64)));
                break;
            case 4 when bytes.Count > 0:
                var length = Math.Min(bytes.Count - at, 1 + _random.Next(256));
                bytes.InsertRange(_random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            case 5:
                bytes.RemoveRange(at, bytes.Count - at); // cut short
                break;
            case 6:
                var other = corpus[_random.Next(corpus.Count)];
                var from = other.Length == 0 ? 0 : _random.Next(other.Length);
                bytes.InsertRange(at, other.Skip(from).Take(1 + _random.Next(512)));
                break;
            case 7:
                var depth = 1 + _random.Next(64);
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', _random.Next(depth + 1))));
                break;
            default:
                var digits = new string('9', 1 + _random.Next(60));
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(_random.Next(2) == 0 ? digits : "-" + digits + ".000001e+99"));
                break;
        }
    }
}
