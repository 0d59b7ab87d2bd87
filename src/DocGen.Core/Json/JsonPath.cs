using System.Globalization;

namespace DocGen.Core.Json;

/// <summary>Builds the JSON paths of reports: <c>$.projects[0].indicators[3].value</c>.</summary>
public static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name)
        => IsPlainName(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    private static bool IsPlainName(string name)
        => name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
