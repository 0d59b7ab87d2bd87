namespace DocGen.Core.Json;

/// <summary>Stops a read at nesting deeper than the limit: the structure past it cannot be known (reported as D4 with its place).</summary>
internal sealed class NestingTooDeepException(long offset) : Exception
{
    /// <summary>Where in the file the too-deep value starts.</summary>
    public long Offset { get; } = offset;
}
