using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Hotline.Contracts;
using Hotline.Contracts.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

using Hotline.TestSupport;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// The worker raises deadline alerts in its own process; through the Redis backplane they reach a console
/// connected to the API. Redis (Debian's redis-server, installed by the test command) runs on loopback.
/// </summary>
[Collection(ProcessTests.Collection)]
public sealed class RedisBackplaneTests
{
    [Fact]
    public async Task DeadlineAlert_Should_ReachAConsoleOnTheApi_When_TheWorkerRaisesItThroughRedis()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartAsync(ct);
        var data = Path.Combine(Path.GetTempPath(), "hotline-redis-" + Guid.NewGuid().ToString("N"));
        try
        {
            var shared = new Dictionary<string, string>
            {
                ["Database:DataDirectory"] = data,
                ["Redis:Configuration"] = redis.Configuration,
            };
            await using var api = await HostProcess.StartAsync("Hotline.Api", new Dictionary<string, string>(shared) { ["Jobs:RunServerInProcess"] = "false" }, ct);
            await using var worker = await HostProcess.StartAsync("Hotline.Worker", new Dictionary<string, string>(shared)
            {
                ["Deadlines:SweepInterval"] = "00:00:10",
                ["Jobs:SchedulePollingInterval"] = "00:00:01",
            }, ct);

            using var supervisor = await DeadlineProcessTests.SignInAsync(api, "supervisor");
            var alerts = System.Threading.Channels.Channel.CreateUnbounded<DeadlineAlert>();
            await using var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(api.BaseAddress, "/hubs/hotline"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(supervisor.DefaultRequestHeaders.Authorization!.Parameter);
                })
                .AddJsonProtocol(o => Hotline.Core.Json.HotlineJson.Configure(o.PayloadSerializerOptions))
                .Build();
            connection.On<DeadlineAlert>(nameof(IHotlineClient.DeadlineAlert), alert => alerts.Writer.TryWrite(alert));
            await connection.StartAsync(ct);

            await DeadlineProcessTests.UseOneMinuteEmergencyAcceptLimitAsync(api);
            var (ticket, _) = await DeadlineProcessTests.RegisterAndDispatchEmergencyAsync(api);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            DeadlineAlert alert;
            try
            {
                do
                {
                    alert = await alerts.Reader.ReadAsync(timeout.Token);
                }
                while (alert.TicketId != ticket.Id || alert.Kind != AlertKind.Overdue);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new ShouldAssertException($"No overdue alert arrived through Redis within 120 s.\nworker:\n{worker.Output}\napi:\n{api.Output}");
            }

            alert.Stage.ShouldBe(DeadlineStage.Accept);
            alert.Number.ShouldBe(ticket.Number);
            alert.UnitId.ShouldBe(ticket.LeadUnitId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>A throw-away redis-server on a free loopback port, without persistence.</summary>
    private sealed class RedisServer : IAsyncDisposable
    {
        private readonly Process _process;

        private RedisServer(Process process, int port)
        {
            _process = process;
            Configuration = $"127.0.0.1:{port}";
        }

        public string Configuration { get; }

        public static async Task<RedisServer> StartAsync(CancellationToken ct)
        {
            var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
                ?? throw new ShouldAssertException("redis-server is not installed (scripts/test.sh installs Debian's redis-server).");
            var port = FreePort();
            var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            {
                info.ArgumentList.Add(argument);
            }

            var server = new RedisServer(Process.Start(info)!, port);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, ct);
                    return server;
                }
                catch (SocketException)
                {
                    await Task.Delay(100, ct);
                }
            }

            throw new TimeoutException("redis-server did not start within 15 s.");
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }

            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
