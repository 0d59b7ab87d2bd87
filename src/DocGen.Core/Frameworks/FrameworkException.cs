namespace DocGen.Core.Frameworks;

/// <summary>A framework file that cannot be used; lists every problem found in it.</summary>
public sealed class FrameworkException(string source, IReadOnlyList<string> problems)
    : Exception($"Indicator framework '{source}' is invalid: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
