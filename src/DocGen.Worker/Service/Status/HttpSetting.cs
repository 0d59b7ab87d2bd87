using System.Net;

namespace DocGen.Worker.Service.Status;

/// <summary>What <see cref="DocGenOptions.Http"/> may be: <c>off</c>, or an http(s) URL; beyond loopback only with a token of 16 characters or more.</summary>
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

        if (!Uri.TryCreate(http, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return $"{DocGenOptions.Section}:Http = “{http}”：应为 off 或 http://地址:端口（如 http://127.0.0.1:5080）。 Expected off or a URL such as http://127.0.0.1:5080.";
        }

        return IsLoopback(url) || token?.Length >= MinTokenLength ? null
            : $"{DocGenOptions.Section}:Http = “{http}” 不只在本机监听：状态页含单位和申报名称，须同时设置 {DocGenOptions.Section}:HttpToken（至少 {MinTokenLength} 个字符）。 Listening beyond this machine needs {DocGenOptions.Section}:HttpToken (at least {MinTokenLength} characters).";
    }

    private static bool IsLoopback(Uri url)
        => url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
