namespace DocGen.Worker.Service;

/// <summary>The start-up rehearsal (<see cref="WarmUp"/>): its time, whether each of its two paths ran to the end, and the scratch folder it used (removed after).</summary>
public sealed record WarmUpOutcome(double Milliseconds, bool SampleGenerated, bool BrokenRejected, string Scratch);
