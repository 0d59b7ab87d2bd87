namespace DocGen.Worker.Service.Status;

/// <summary>How one submission ended, as the status page lists it: no content beyond its name, where its output went, and (rejected) its report.</summary>
public sealed record SubmissionOutcome(string Name, DateTimeOffset At, bool Published, string Output, IReadOnlyList<string> Codes, string? Report);
