using System.Net;

namespace DocGen.Worker.Service.Status;

/// <summary>What <see cref="DocGenOptions.Http"/> may be: <c>off</c>, or an http URL (no https: DocGen has no certificate to serve); beyond loopback only with a token of 16 characters or more.</summary>
public static class HttpSetting
{
    public const int MinTokenLength = 16;

    /// <summary>The problem with the pair, in one line (Chinese first), or null.</summary>
    public static string? Problem(string? http, string? token)
    {
        if (http is null || string.Equals(http, DocGenOptions.HttpOff, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Uri.TryCreate(http, UriKind.Absolute, out var url) || url.Scheme != "http" || url.UserInfo.Length > 0 || url.AbsolutePath != "/")
        {
            return $"{DocGenOptions.Section}:Http = “{http}”：应为 off 或 http://地址:端口（如 http://127.0.0.1:5080）。 Expected off or a URL such as http://127.0.0.1:5080.";
        }

        return IsLoopback(HostAsWritten(http)) || token?.Length >= MinTokenLength ? null
            : $"{DocGenOptions.Section}:Http = “{http}” 不只在本机监听：状态页含单位和申报名称，须同时设置 {DocGenOptions.Section}:HttpToken（至少 {MinTokenLength} 个字符）。 Listening beyond this machine needs {DocGenOptions.Section}:HttpToken (at least {MinTokenLength} characters).";
    }

    /// <summary>
    /// The <c>Host</c> headers the status pages answer (the rest get 400: a page elsewhere that
    /// rebinds its own name to this machine's address cannot read them): the loopback names and
    /// the host written in <paramref name="http"/>; any, when that host is a wildcard (0.0.0.0,
    /// [::], * or +), which only a token may be (<see cref="Problem"/>), and the token then guards.
    /// </summary>
    public static IReadOnlyList<string> AllowedHosts(string http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var host = HostAsWritten(http);
        if (host is "0.0.0.0" or "[::]" or "*" or "+")
        {
            return ["*"];
        }

        string[] loopback = ["localhost", "127.0.0.1", "[::1]"];
        return loopback.Contains(host, StringComparer.OrdinalIgnoreCase) ? loopback : [.. loopback, host];
    }

    /// <summary>Loopback as Kestrel reads it: the name <c>localhost</c> or a loopback IP literal (not .NET's other aliases, which Kestrel binds on every interface).</summary>
    private static bool IsLoopback(string host)
        => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>The host as written in the setting, which is what Kestrel reads (<see cref="Uri.Host"/> turns <c>loopback</c> into <c>localhost</c>).</summary>
    private static string HostAsWritten(string http)
    {
        var authority = http[(http.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/')[0];
        return authority.StartsWith('[') ? authority[..(authority.IndexOf(']', StringComparison.Ordinal) + 1)] : authority.Split(':')[0];
    }
}
