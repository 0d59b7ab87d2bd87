namespace DocGen.Worker.Service.Publishing;

/// <summary>Milliseconds: reading and validating the input, rendering, and all of it (claim to publish).</summary>
public sealed record ReceiptTimings(double ReadAndValidateMs, double RenderMs, double TotalMs);
