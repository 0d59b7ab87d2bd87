namespace DocGen.Worker.Service.Status;

/// <summary>How one submission ended, as the status page lists it: no content beyond its name, where its output went, and (rejected or refused) its report.</summary>
public sealed record SubmissionOutcome(string Name, DateTimeOffset At, SubmissionEnd End, string Output, IReadOnlyList<string> Codes, string? Report);
