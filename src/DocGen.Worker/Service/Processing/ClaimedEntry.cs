using System.Diagnostics;
using DocGen.Core.Validation;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Intake;

namespace DocGen.Worker.Service.Processing;

/// <summary>
/// An inbox entry the <see cref="ReadinessGate"/> claimed: the claim, the look taken at the entry
/// before it, its check when it was judged before the claim, and the clock started at that look.
/// </summary>
public sealed record ClaimedEntry(Claim Claim, FileSnapshot First, SubmissionCheck? Check, Stopwatch Clock);
