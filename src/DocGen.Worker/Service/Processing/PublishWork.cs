using System.Diagnostics;
using DocGen.Worker.Pdf;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Publishing;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// A generated document handed over to the <see cref="PublishStage"/>: its claim (the stage disposes
/// it), the staged document, what its receipt will say, the conversions of it interrupted so far,
/// and the clock of its attempt. <paramref name="Converters"/> make its PDF; without them it is
/// published with <paramref name="Decided"/> (PDF off: null; a PDF refused: why).
/// </summary>
public sealed record PublishWork(PdfConverterPool? Converters, Claim Claim, string Staged, DocumentFacts Facts, int PdfStops, Stopwatch Clock, PdfConversion? Decided = null);
