using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// The door of the status pages when <see cref="DocGenOptions.HttpToken"/> is set: a request
/// carries the token as <c>Authorization: Bearer …</c> (the scheme in any case, RFC 7235) or in the
/// cookie this sets. <c>?token=…</c> (a browser's bookmark) is taken once: answered with the cookie
/// (HttpOnly, SameSite=Strict) and a page that goes on to the same address without it, so the token
/// stays out of the page's links, the history and any Referer. Anything else gets 401.
/// </summary>
internal sealed class StatusAccess(string token)
{
    /// <summary>The cookie that carries the token after a <c>?token=</c>.</summary>
    public const string Cookie = "docgen-token";

    /// <summary>The query parameter a browser's bookmark may carry the token in.</summary>
    public const string Query = "token";

    // Compared as hashes, in constant time: neither the content nor the length of the token leaks through the time a refusal takes.
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    private readonly string _token = token;

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Query.TryGetValue(Query, out var given))
        {
            return Matches(given.ToString()) ? SetCookieAndGoOnAsync(context) : RefuseAsync(context);
        }

        return Matches(Bearer(request.Headers.Authorization.ToString())) || (request.Cookies.TryGetValue(Cookie, out var cookie) && Matches(cookie))
            ? next(context)
            : RefuseAsync(context);
    }

    /// <summary>The credentials of an <c>Authorization</c> header of the Bearer scheme, in any case (RFC 7235: <c>scheme 1*SP credentials</c>); null for another scheme.</summary>
    public static string? Bearer(string authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var header = authorization.AsSpan().Trim();
        var space = header.IndexOf(' ');
        return space > 0 && header[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? header[(space + 1)..].TrimStart(' ').ToString() : null;
    }

    private bool Matches(string? given)
        => given is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), _hash);

    /// <summary>
    /// The cookie, and a page that opens the same address without the token. Not a 303: a browser
    /// that followed a link from another site would carry that site's context through a redirect
    /// and not send a SameSite=Strict cookie; a refresh from this page is from this site.
    /// </summary>
    private Task SetCookieAndGoOnAsync(HttpContext context)
    {
        var request = context.Request;
        context.Response.Cookies.Append(Cookie, _token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });

        // One leading slash: "//host" would leave this site.
        var target = new PathString("/" + request.Path.Value?.TrimStart('/')).ToUriComponent()
            + QueryString.Create(request.Query.Where(static p => p.Key != Query)).ToUriComponent();
        var href = WebUtility.HtmlEncode(target);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store"; // answered to an address with the token in it
        var page = $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url={href}\"><title>DocGen</title></head><body><p><a href=\"{href}\">继续 Continue</a></p></body></html>";
        return context.Response.WriteAsync(page);
    }

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
