using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Hotline.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of a server, to take the server "down" for a moment: <see cref="Cut"/> resets
/// every open link and refuses new ones until <see cref="Restore"/>, as a failover or a network blip does.
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<int, (TcpClient Client, TcpClient Server)> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private volatile bool _down;
    private int _nextLink;
    private int _refused;

    private TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static TcpProxy Start(string targetHost, int targetPort) => new(targetHost, targetPort);

    public void Cut()
    {
        _down = true;
        foreach (var (id, link) in _links)
        {
            Reset(link.Client);
            Reset(link.Server);
            _links.TryRemove(id, out _);
        }
    }

    public void Restore() => _down = false;

    /// <summary>Waits until <paramref name="count"/> connection attempts in all have been turned away while down.</summary>
    public async Task WaitUntilRefusedAsync(int count, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref _refused) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Volatile.Read(ref _refused)} of {count} connection attempts refused within {timeout}.");
            }

            await Task.Delay(20, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            if (_down)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        var id = Interlocked.Increment(ref _nextLink);
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            _links[id] = (client, server);
            await Task.WhenAny(
                client.GetStream().CopyToAsync(server.GetStream(), _stop.Token),
                server.GetStream().CopyToAsync(client.GetStream(), _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The link was cut or one side hung up.
        }
        finally
        {
            _links.TryRemove(id, out _);
            Reset(client);
            Reset(server);
        }
    }

    private static void Reset(TcpClient socket)
    {
        try
        {
            // Null once the relay's own finally has disposed it (a Cut racing the link's end).
            if (socket.Client is { } open)
            {
                open.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        socket.Dispose();
    }
}
