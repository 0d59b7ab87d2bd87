using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DocGen.Worker.Tests.Service.Status;

/// <summary>
/// A stand-in OpenTelemetry collector for the tests: accepts OTLP over HTTP (protobuf) on a
/// loopback port and keeps each request's body by its path (<c>/v1/traces</c>, <c>/v1/metrics</c>).
/// The test looks for names and values in the bodies (protobuf keeps strings as UTF-8 bytes).
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly Task _loop;

    public OtlpCollector()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Address = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
            probe.Stop();
        }

        _listener.Prefixes.Add(Address + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Address { get; }

    /// <summary>Whether some request to <paramref name="path"/> carried every one of <paramref name="texts"/>.</summary>
    public bool Received(string path, params string[] texts)
        => _received.Any(r => r.Path == path && texts.All(t => r.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(t)) >= 0));

    public string Summary() => string.Join(", ", _received.GroupBy(static r => r.Path).Select(static g => $"{g.Key} ×{g.Count()}"));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url?.AbsolutePath ?? "", body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
