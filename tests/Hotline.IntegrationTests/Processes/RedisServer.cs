using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Shouldly;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// A throw-away redis-server (Debian's, installed by the test command) on a free loopback port, without persistence.
/// It can be stopped and started again on the same port, as an operator restarting Redis would.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly int _port;
    private Process? _process;

    private RedisServer(int port)
    {
        _port = port;
        Configuration = $"127.0.0.1:{port}";
    }

    public string Configuration { get; }

    public static async Task<RedisServer> StartAsync(CancellationToken ct)
    {
        var server = new RedisServer(FreePort());
        await server.RestartAsync(ct);
        return server;
    }

    public async Task RestartAsync(CancellationToken ct)
    {
        Stop();
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new ShouldAssertException("redis-server is not installed (scripts/test.sh installs Debian's redis-server).");
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", _port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port, ct);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, ct);
            }
        }

        throw new TimeoutException("redis-server did not start within 15 s.");
    }

    /// <summary>SIGKILL: Redis disappears the way a crashed or partitioned server does.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
