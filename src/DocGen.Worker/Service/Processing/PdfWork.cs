using System.Diagnostics;
using DocGen.Worker.Pdf;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Publishing;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// A generated document handed over to the <see cref="PdfStage"/>: its claim (the stage disposes
/// it), the staged document, what its receipt will say, the conversions of it interrupted so far,
/// and the clock of its attempt.
/// </summary>
public sealed record PdfWork(PdfConverterPool Converters, Claim Claim, string Staged, DocumentFacts Facts, int PdfStops, Stopwatch Clock);
