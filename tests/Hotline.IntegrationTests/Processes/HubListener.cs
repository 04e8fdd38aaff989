using System.Collections.Concurrent;
using System.Diagnostics;
using Hotline.Contracts.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Hotline.TestSupport;

namespace Hotline.IntegrationTests.Processes;

/// <summary>A console's hub connection to one API process, over WebSockets, keeping what arrives and when.</summary>
internal sealed class HubListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(TicketChanged Change, long At)> _changes = new();
    private readonly ConcurrentQueue<DeadlineAlert> _alerts = new();

    private HubListener(HubConnection connection)
    {
        _connection = connection;
        _connection.On<TicketChanged>(nameof(IHotlineClient.TicketChanged), c => _changes.Enqueue((c, Stopwatch.GetTimestamp())));
        _connection.On<DeadlineAlert>(nameof(IHotlineClient.DeadlineAlert), a => _alerts.Enqueue(a));
    }

    public IReadOnlyCollection<DeadlineAlert> Alerts => _alerts.ToArray();

    public static async Task<HubListener> ConnectAsync(HostProcess api, string accessToken, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, "/hubs/hotline"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .AddJsonProtocol(o => Hotline.Core.Json.HotlineJson.Configure(o.PayloadSerializerOptions))
            .Build();
        var listener = new HubListener(connection);
        await connection.StartAsync(ct);
        return listener;
    }

    /// <summary>The first change matching <paramref name="match"/>, with the Stopwatch timestamp of its arrival.</summary>
    public async Task<(TicketChanged Change, long At)> NextChangeAsync(Func<TicketChanged, bool> match, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            foreach (var item in _changes)
            {
                if (match(item.Change))
                {
                    return item;
                }
            }

            await Task.Delay(10, ct);
        }

        throw new ShouldAssertException($"No matching TicketChanged within {timeout}; received: {string.Join(", ", _changes.Select(c => $"{c.Change.Number}/{c.Change.Status}"))}");
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
