using System.Net;
using System.Text.Json;
using DocGen.Worker.Service;
using DocGen.Worker.Service.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using DocGen.Core.Rules;

namespace DocGen.Worker.Tests.Service.Status;

/// <summary>The status pages of a real host, on a loopback port the system chooses: what an operator's probe, a Prometheus scrape and an admin's browser get.</summary>
public sealed class StatusServerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(ServiceSandbox Box, HttpClient Client, StatusServer Server)> StartAsync(params string[] extra)
    {
        var box = new ServiceSandbox();
        var host = await box.StartHostAsync(["--DocGen:Http=http://127.0.0.1:0", .. extra]);
        var server = host.Services.GetRequiredService<StatusServer>();
        var address = server.Address ?? throw new InvalidOperationException("the status pages did not start");
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)));
        return (box, new HttpClient { BaseAddress = address }, server);
    }

    [Fact]
    public async Task AfterAValidAnInvalidAndAnUnreadableDrop_HealthMetricsAndThePageSayWhatHappened()
    {
        var (box, client, _) = await StartAsync();
        await using (box)
        using (client)
        {
            box.Drop("seed.json", ServiceSandbox.SeedJson);
            box.Drop("bad.json", """{ "kind": "combined" }""");
            var outside = Path.Combine(box.Folder, "outside.json");
            await File.WriteAllTextAsync(outside, ServiceSandbox.SeedJson, Token);
            File.CreateSymbolicLink(Path.Combine(box.Inbox, "link.json"), outside);
            await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Archive, "seed.json")) && File.Exists(Path.Combine(box.Failed, "bad.json")) && Path.Exists(Path.Combine(box.Failed, "link.json")) && box.Idle(), "all three ended");

            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync(Token));
            Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("template").GetProperty("status").GetString());

            var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Token);
            Assert.Contains("docgen_submissions_total{outcome=\"published\",format=\"json\"} 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("docgen_submissions_total{outcome=\"rejected\",format=\"json\"} 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("docgen_submissions_total{outcome=\"refused\",format=\"json\"} 1\n", metrics, StringComparison.Ordinal); // the link, never opened
            Assert.Contains("docgen_processing_seconds_bucket{le=\"+Inf\"} 3\n", metrics, StringComparison.Ordinal);
            Assert.Contains("docgen_processing_seconds_count 3\n", metrics, StringComparison.Ordinal);
            Assert.Contains("dotnet_gc_collections_total{generation=\"gen0\"} ", metrics, StringComparison.Ordinal); // the runtime's figures
            Assert.Matches(@"\nprocess_cpu_seconds_total [0-9.E+-]+\n", metrics);

            var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), Token);
            Assert.Contains("DocGen 运行状态", page, StringComparison.Ordinal);
            Assert.Contains("seed.json", page, StringComparison.Ordinal);
            Assert.Contains("已生成", page, StringComparison.Ordinal);
            Assert.Contains("bad.json", page, StringComparison.Ordinal);
            Assert.Contains("退回</span> V1", page, StringComparison.Ordinal); // the rejected one's rule code
            Assert.Contains("拒收（未读取）</span> D10", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TemplateReplacedByOneWithATypo_IsDegraded_NamingTheProblem_WhileTheLastGoodOneServes()
    {
        var (box, client, _) = await StartAsync();
        await using (box)
        using (client)
        {
            var template = Path.Combine(box.Templates, "performance-goals.docx");
            await File.WriteAllBytesAsync(template, WithTypo(await File.ReadAllBytesAsync(template, Token)), Token);
            await box.WaitUntilAsync(() => File.Exists(template + ".errors.txt"), "the replacement refused");

            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Token);
            using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync(Token));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode); // still serving with the last good one
            Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
            var problems = report.RootElement.GetProperty("checks").GetProperty("template").GetProperty("problems");
            Assert.Contains(problems.EnumerateArray(), static p => p.GetProperty("code").GetString() == RuleCodes.T7);
            Assert.Contains("docgen_template_reloads_total{result=\"refused\"} 1", await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Token), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithAToken_ARequestWithoutItIsRefused_TheBearerSchemeInAnyCaseIsAccepted()
    {
        const string Secret = "a-token-of-enough-length";
        var (box, client, _) = await StartAsync($"--DocGen:HttpToken={Secret}");
        await using (box)
        using (client)
        {
            using var refused = await client.GetAsync(new Uri("/health", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);

            foreach (var header in new[] { $"Bearer {Secret}", $"bearer {Secret}", $"BEARER   {Secret}" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
                Assert.True(request.Headers.TryAddWithoutValidation("Authorization", header));
                using var accepted = await client.SendAsync(request, Token);
                Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            }

            foreach (var header in new[] { $"Basic {Secret}", "Bearer a-token-of-enough-lengtH", $"Bearer{Secret}", "Bearer " })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
                Assert.True(request.Headers.TryAddWithoutValidation("Authorization", header));
                using var wrong = await client.SendAsync(request, Token);
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }
        }
    }

    [Fact]
    public async Task TheTokenInTheAddress_IsAnsweredWithACookie_AndAPageThatGoesOnWithoutIt_AndThePageLinksCarryNoToken()
    {
        const string Secret = "a-token-of-enough-length";
        await using var box = new ServiceSandbox();
        var host = await box.StartHostAsync("--DocGen:Http=http://127.0.0.1:0", $"--DocGen:HttpToken={Secret}");
        var address = host.Services.GetRequiredService<StatusServer>().Address!;
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = address };

        using (var wrong = await client.GetAsync(new Uri("/?token=not-the-token", UriKind.Relative), Token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Empty(cookies.GetCookies(address));
        }

        using (var first = await client.GetAsync(new Uri($"/metrics?name=x&token={Secret}", UriKind.Relative), Token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
            Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
            var goOn = await first.Content.ReadAsStringAsync(Token);
            Assert.Contains("content=\"0; url=/metrics?name=x\"", goOn, StringComparison.Ordinal); // the same address, without the token
            Assert.DoesNotContain(Secret, goOn, StringComparison.Ordinal);
            Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        }

        // From now on the cookie opens every page; none of them carries the token.
        Assert.Contains("docgen_queue_depth", await client.GetStringAsync(new Uri("/metrics?name=x", UriKind.Relative), Token), StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Token);
        Assert.Contains("href=\"/health\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("token", html, StringComparison.OrdinalIgnoreCase);

        // Asked for "//elsewhere", it goes on to this site's "/elsewhere", not to another site.
        using var slashes = await client.GetAsync(new Uri($"{address.GetLeftPart(UriPartial.Authority)}//elsewhere.example?token={Secret}"), Token);
        Assert.Contains("url=/elsewhere.example\"", await slashes.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("LOCALHOST:5080", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5080", HttpStatusCode.OK)]
    [InlineData("[::1]", HttpStatusCode.OK)]
    [InlineData("[::1]:5080", HttpStatusCode.OK)]
    [InlineData("attacker.example", HttpStatusCode.BadRequest)] // a page there that rebinds its name to 127.0.0.1
    [InlineData("attacker.example:5080", HttpStatusCode.BadRequest)]
    [InlineData("localhost.attacker.example", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1.nip.io", HttpStatusCode.BadRequest)]
    public async Task OnLoopback_OnlyLoopbackHostNamesAreAnswered(string hostHeader, HttpStatusCode expected)
    {
        var (box, client, _) = await StartAsync();
        await using (box)
        using (client)
        {
            foreach (var path in new[] { "/", "/health", "/metrics" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                request.Headers.Host = hostHeader;
                using var response = await client.SendAsync(request, Token);
                Assert.Equal(expected, response.StatusCode);
            }
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", new[] { "localhost", "127.0.0.1", "[::1]" })]
    [InlineData("http://localhost:5080", new[] { "localhost", "127.0.0.1", "[::1]" })]
    [InlineData("http://[::1]:5080", new[] { "localhost", "127.0.0.1", "[::1]" })]
    [InlineData("http://docgen.office.example:5080", new[] { "localhost", "127.0.0.1", "[::1]", "docgen.office.example" })]
    [InlineData("http://10.1.2.3:5080", new[] { "localhost", "127.0.0.1", "[::1]", "10.1.2.3" })]
    [InlineData("http://0.0.0.0:5080", new[] { "*" })] // every name this machine has: the token guards
    [InlineData("http://[::]:5080", new[] { "*" })]
    [InlineData("http://*:5080", new[] { "*" })]
    public void TheHostNamesAnswered_AreLoopbacksAndTheConfiguredOne(string http, string[] hosts)
        => Assert.Equal(hosts, HttpSetting.AllowedHosts(http));

    [Fact]
    public async Task Head_IsAnsweredOnEveryPage_WithTheHeadersOfGetAndNoBody()
    {
        var (box, client, _) = await StartAsync();
        await using (box)
        using (client)
        {
            foreach (var path in new[] { "/", "/health", "/metrics" })
            {
                using var get = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
                using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)), Token);
                Assert.Equal(HttpStatusCode.OK, head.StatusCode);
                Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
                Assert.Empty(await head.Content.ReadAsByteArrayAsync(Token));
                if (path == "/")
                {
                    Assert.Equal((await get.Content.ReadAsByteArrayAsync(Token)).Length, head.Content.Headers.ContentLength);
                }
            }

            using var post = await client.PostAsync(new Uri("/", UriKind.Relative), new StringContent(""), Token);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        }
    }

    [Fact]
    public async Task ThePage_IsRenderedOncePerChange_TheSameBytesUntilASubmissionEnds()
    {
        var (box, client, server) = await StartAsync();
        await using (box)
        using (client)
        {
            var cache = server.PageCache;
            var first = await client.GetByteArrayAsync(new Uri("/", UriKind.Relative), Token);
            var renders = cache.Renders;
            var second = await client.GetByteArrayAsync(new Uri("/", UriKind.Relative), Token);
            using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/", UriKind.Relative)), Token))
            {
                Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            }

            Assert.Equal(first, second);
            Assert.Equal(renders, cache.Renders); // served from the cache, not rendered again

            box.Drop("bad.json", """{ "kind": "combined" }""");
            await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "bad.json")) && box.Idle(), "the submission ended");

            var after = await client.GetByteArrayAsync(new Uri("/", UriKind.Relative), Token);
            Assert.NotEqual(first, after);
            Assert.Contains("bad.json", System.Text.Encoding.UTF8.GetString(after), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NamesWithControlOrBidiCharacters_AreShownEscapedOnThePage()
    {
        var (box, client, _) = await StartAsync();
        await using (box)
        using (client)
        {
            // "nosj.exe" to the eye without the escape: the right-to-left override turns what follows it around.
            string[] names = ["\u202Eexe.json", "bell\u0007\u2066tab\there.json"];
            foreach (var name in names)
            {
                box.Drop(name, """{ "kind": "combined" }""");
            }

            await box.WaitUntilAsync(() => names.All(n => File.Exists(Path.Combine(box.Failed, n))) && box.Idle(), "both rejected", state: () => string.Join(", ", Directory.GetFiles(box.Failed)));

            var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), Token);
            Assert.Contains("<td><code class=\"hidden\">\\u202E</code>exe.json</td>", page, StringComparison.Ordinal);
            Assert.Contains("bell<code class=\"hidden\">\\u0007</code><code class=\"hidden\">\\u2066</code>tab<code class=\"hidden\">\\u0009</code>here.json", page, StringComparison.Ordinal);
            Assert.DoesNotContain('\u202E', page); // nor in the reports, which name the file too
            Assert.DoesNotContain('\u2066', page);
            Assert.DoesNotContain('\u0007', page);
        }
    }

    [Fact]
    public async Task PastTheRequestLimit_TheAnswerIs503AtOnce_AndTheLimitFreesWithTheRequest()
    {
        var (box, client, server) = await StartAsync("--DocGen:HttpMaxRequests=1");
        await using (box)
        using (client)
        {
            using (var held = server.Limiter!.AttemptAcquire())
            {
                Assert.True(held.IsAcquired); // the one request allowed, in progress

                // Never queued: were it waiting for the permit held here, it would not end at all.
                using var refused = await client.GetAsync(new Uri("/", UriKind.Relative), Token).WaitAsync(TimeSpan.FromSeconds(30), Token);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            }

            for (var i = 0; i < 3; i++)
            {
                using var served = await client.GetAsync(new Uri("/health", UriKind.Relative), Token);
                Assert.Equal(HttpStatusCode.OK, served.StatusCode); // each request gives its permit back
            }
        }
    }

    [Fact]
    public async Task EveryAnswer_SaysNotToCacheSniffFrameOrReferIt()
    {
        var (box, client, _) = await StartAsync();
        await using (box)
        using (client)
        {
            foreach (var path in new[] { "/", "/health", "/metrics" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
                Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
                Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
                Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
                Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
                Assert.False(response.Headers.Contains("Server"));
            }
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", null, true)]
    [InlineData("http://0.0.0.0:5080", "short", true)]
    [InlineData("http://0.0.0.0:5080", "a-token-of-enough-length", false)]
    [InlineData("http://127.0.0.1:5080", null, false)]
    [InlineData("http://[::1]:5080", null, false)]
    [InlineData("http://localhost:5080", null, false)]
    [InlineData("off", null, false)]
    [InlineData("ftp://127.0.0.1", null, true)]
    [InlineData("http://loopback:5080", null, true)] // .NET calls it loopback; Kestrel binds it on every interface
    [InlineData("http://0.0.0.0@127.0.0.1:5080", null, true)] // user info: Kestrel reads the host differently
    [InlineData("https://127.0.0.1:5443", null, true)] // no certificate to serve
    public void ListeningBeyondLoopback_NeedsAToken(string http, string? token, bool refused)
    {
        var options = new DocGenOptions { Http = http, HttpToken = token };

        Assert.Equal(refused, new HttpOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public async Task AnyHostBuiltForTheService_RefusesListeningBeyondLoopbackWithoutAToken()
    {
        await using var box = new ServiceSandbox();
        using var host = DocGen.Worker.Service.ServiceHost.CreateBuilder(box.Arguments("--DocGen:Http=http://0.0.0.0:5080")).Build();

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IOptions<DocGenOptions>>(host.Services).Value);
    }

    /// <summary>The template as an admin saves it with a typo: {{fundPurpos}} for {{fundPurpose}} (T7).</summary>
    private static byte[] WithTypo(byte[] docx)
    {
        using var copy = new MemoryStream();
        copy.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml.Replace("{{fundPurpose}}", "{{fundPurpos}}", StringComparison.Ordinal));
        }

        return copy.ToArray();
    }
}
