using System.Security.Cryptography;
using System.Text;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// The stem a submission's outputs are named by (<c>x.json</c> → <c>out/x.docx</c>,
/// <c>archive/x.receipt.json</c>, …), chosen so that different submissions can never be given the
/// same output name, whatever else is dropped:
/// <list type="bullet">
/// <item>a stem ending in <c>.receipt</c> or <c>.errors</c> (a file called <c>p.receipt.json</c>) would
/// name its archived input like another stem's receipt; its last dot becomes <c>_</c>;</item>
/// <item>a stem too long for a file name once a suffix is added (255 bytes on Linux, NTFS and SMB)
/// is cut at a character boundary and ends with <c>~</c> and eight hex digits of the SHA-256 of the
/// whole name, so that two long names stay different. The receipt keeps the original name.</item>
/// </list>
/// </summary>
public static class OutputStem
{
    /// <summary>The longest stem in UTF-8 bytes: leaves room for a version (<c>.99999</c>) and the longest suffix (<c>.receipt.json</c>).</summary>
    public const int MaxBytes = 200;

    private const int KeptBytes = MaxBytes - 9;
    private static readonly string[] s_roleSuffixes = [".receipt", ".errors"];

    /// <summary>The stem of an input's outputs, saying whose they are when <paramref name="submission"/> tells it (<see cref="OutputOwner"/>).</summary>
    public static string For(string inputName, Core.Model.Submission? submission)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        var stem = Path.GetFileNameWithoutExtension(inputName);
        return For(OutputOwner.Of(submission).Name(stem.Length == 0 ? "_" : stem, submission) + Path.GetExtension(inputName));
    }

    public static string For(string inputName)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        var stem = Path.GetFileNameWithoutExtension(inputName);
        if (stem.Length == 0)
        {
            stem = "_";
        }

        foreach (var role in s_roleSuffixes)
        {
            if (stem.EndsWith(role, StringComparison.OrdinalIgnoreCase))
            {
                stem = stem[..^role.Length] + "_" + stem[^(role.Length - 1)..];
            }
        }

        return Encoding.UTF8.GetByteCount(stem) <= MaxBytes ? stem : Shorten(stem);
    }

    private static string Shorten(string stem)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stem)))[..8];
        var kept = new StringBuilder();
        var bytes = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > KeptBytes)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept.Append('~').Append(hash).ToString();
    }
}
