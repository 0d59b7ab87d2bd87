using System.Globalization;
using System.Text;
using DocGen.Worker.IO;
using DocGen.Worker.Service.Claims;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// How many conversions of a claim's document were interrupted by a stop or a kill of DocGen,
/// kept in the claim while its PDF is being made, so that a document is not converted for ever:
/// past <see cref="Max"/> it is published without its PDF.
/// </summary>
public static class PdfStops
{
    /// <summary>Conversions of one document interrupted by a stop or a kill before it is published without its PDF rather than converted for ever.</summary>
    public const int Max = 2;

    /// <summary>In a claim while its PDF is being made; it holds how many conversions of it were interrupted, this one included.</summary>
    private const string StagedName = ".docgen-pdf-pending";

    /// <summary>How many conversions of the claim's document were interrupted (read before its staged files are cleared).</summary>
    public static int Of(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var found = SafeFile.Read(claim.Staged(StagedName), maxBytes: 64);
        return found.Outcome switch
        {
            SafeReadOutcome.Missing => 0,
            SafeReadOutcome.Read when int.TryParse(found.Bytes, CultureInfo.InvariantCulture, out var stops) => stops,
            _ => 1, // DocGen writes a number: anything else there was interrupted once at least
        };
    }

    /// <summary>Keeps the count in a claim handed to the PDF stage, so that a stop while it waits for a converter does not reset it.</summary>
    public static void Keep(Claim claim, int pdfStops)
    {
        if (pdfStops > 0)
        {
            Write(claim, pdfStops);
        }
    }

    /// <summary>A conversion starts: seen by a restart, if the service stops during it, as one more interruption.</summary>
    public static void Converting(Claim claim, int pdfStops) => Write(claim, pdfStops + 1);

    /// <summary>The conversion ended, whatever its result.</summary>
    public static void Clear(Claim claim) => File.Delete(claim.Staged(StagedName));

    private static void Write(Claim claim, int count) => OwnFile.Replace(claim.Staged(StagedName), Encoding.ASCII.GetBytes(count.ToString(CultureInfo.InvariantCulture)));
}
