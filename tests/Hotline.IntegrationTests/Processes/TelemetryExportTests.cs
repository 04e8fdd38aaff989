using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;
using Hotline.TestSupport;
using static Hotline.IntegrationTests.Processes.DeadlineProcessTests;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// With the standard OTEL_EXPORTER_OTLP_* variables set, the API exports traces, metrics and logs over OTLP/HTTP:
/// a loopback collector receives the registration's span and the business counter.
/// </summary>
public sealed class TelemetryExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_Should_ExportSpansMetricsAndLogsOverOtlp_When_AnEndpointIsConfigured()
    {
        using var collector = new OtlpCollector();
        using var data = new TempDataDirectory();
        {
            await using var api = await HostProcess.StartAsync("Hotline.Api", new Dictionary<string, string>
            {
                ["Database:DataDirectory"] = data.Path,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
                // The process tests log warnings only; the order change log's Information line makes the registration
                // below write a log record at once, instead of waiting for the next minute's deadline sweep.
                ["Logging:LogLevel:Hotline.Core.Features.Observability"] = "Information",
            }, Ct);
            using var agent = await SignInAsync(api, "agent");
            await (await agent.PostAsJsonAsync("/api/tickets", ProcessTestData.WaterComplaint(), Json.Options, Ct)).ReadAsync<TicketDto>(HttpStatusCode.Created);

            await collector.WaitForAsync("/v1/traces", "RegisterTicket", api);
            await collector.WaitForAsync("/v1/metrics", "hotline.orders.registered", api);
            await collector.WaitForAsync("/v1/metrics", "hotline.requests.duration", api);
            await collector.WaitForAsync("/v1/logs", "Hotline.Api", api);
            await collector.WaitForAsync("/v1/logs", "TicketChangeLogger", api);
        }
    }

    /// <summary>Accepts OTLP/HTTP exports on a loopback port and keeps each body by path (protobuf strings are plain UTF-8).</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();

        public OtlpCollector()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Endpoint { get; }

        public async Task WaitForAsync(string path, string text, HostProcess api)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (_received.Any(r => r.Path == path && r.Body.Contains(text, StringComparison.Ordinal)))
                {
                    return;
                }

                await Task.Delay(100, Ct);
            }

            throw new ShouldAssertException(
                $"No OTLP export to {path} mentioned {text} within 30 s; received: {string.Join(", ", _received.Select(r => r.Path))}\n{api.Output}");
        }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }
    }
}
