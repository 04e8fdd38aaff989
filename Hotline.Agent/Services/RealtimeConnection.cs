using System.Text.Json.Serialization;
using Hotline.Contracts;
using Hotline.Contracts.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hotline.Agent.Services;

public enum LinkState { Disconnected, Connecting, Connected, Reconnecting }

/// <summary>
/// The console's one connection to <c>/hubs/hotline</c>. Reconnects automatically (0, 2, 10, 30 s); after every
/// reconnect it re-joins the watched orders and replays what it missed from <c>GET /api/events?since=</c>, so pages
/// see every <see cref="TicketChanged"/> once (deduplicated by sequence) whether it came live or from the re-sync.
/// Pushes are at most once even on a healthy connection (a Redis outage drops them without closing it), so while
/// connected it also catches up every <see cref="CatchUpInterval"/>.
/// </summary>
public sealed class RealtimeConnection(Session session, HotlineApi api, Microsoft.AspNetCore.Components.NavigationManager navigation) : IAsyncDisposable
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];
    private const int PageSize = 500;
    private static readonly TimeSpan CatchUpInterval = TimeSpan.FromSeconds(30);

    // Sequences can become visible out of order on PostgreSQL and SQL Server (taken at insert, seen at commit):
    // every catch-up reads again from this far below the highest sequence seen, and duplicates are dropped.
    private const long Overlap = 200;
    private const int SeenCapacity = 5000;

    private readonly HashSet<Guid> _watched = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HubConnection? _hub;
    private CancellationTokenSource? _catchUp;
    private readonly HashSet<long> _seen = [];
    private readonly Queue<long> _seenOrder = new();
    private long _floor;
    private long _lastSequence;

    public LinkState State { get; private set; } = LinkState.Disconnected;

    public long LastSequence => _lastSequence;

    public event Action? StateChanged;

    public event Func<TicketChanged, Task>? TicketChanged;

    public event Func<DeadlineAlert, Task>? DeadlineAlert;

    public event Func<CallRinging, Task>? CallRinging;

    /// <summary>Something the wallboard shows changed; it re-reads <c>GET /api/kpis/calls/live</c>.</summary>
    public event Func<CallCentreUpdated, Task>? CallCentreUpdated;

    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_hub is not null || session.Token is null)
            {
                return;
            }

            // WebSockets only, without the negotiate round trip: the connection lives on the one node that accepted
            // it, so several API nodes work behind a plain round-robin load balancer (docs/operations.md).
            _hub = new HubConnectionBuilder()
                .WithUrl(navigation.ToAbsoluteUri("hubs/hotline"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = session.AccessTokenAsync;
                })
                .WithAutomaticReconnect(RetryDelays)
                .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
                .Build();

            _hub.On<TicketChanged>(nameof(IHotlineClient.TicketChanged), OnTicketChangedAsync);
            _hub.On<DeadlineAlert>(nameof(IHotlineClient.DeadlineAlert), a => RaiseAsync(DeadlineAlert, a));
            _hub.On<CallRinging>(nameof(IHotlineClient.CallRinging), c => RaiseAsync(CallRinging, c));
            _hub.On<CallCentreUpdated>(nameof(IHotlineClient.CallCentreUpdated), u => RaiseAsync(CallCentreUpdated, u));
            _hub.Reconnecting += _ => SetStateAsync(LinkState.Reconnecting);
            _hub.Reconnected += _ => OnReconnectedAsync();
            _hub.Closed += _ => SetStateAsync(LinkState.Disconnected);

            await SetStateAsync(LinkState.Connecting);
            try
            {
                await _hub.StartAsync();
                await SkipToHeadAsync();
                await SetStateAsync(LinkState.Connected);
                _catchUp = new CancellationTokenSource();
                _ = CatchUpPeriodicallyAsync(_catchUp.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or ApiException or InvalidOperationException)
            {
                await SetStateAsync(LinkState.Disconnected);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After the automatic retries gave up: a fresh start that also re-syncs what was missed.</summary>
    public async Task RestartAsync()
    {
        if (_hub is null)
        {
            await StartAsync();
            return;
        }

        if (_hub.State != HubConnectionState.Disconnected)
        {
            return;
        }

        await SetStateAsync(LinkState.Connecting);
        try
        {
            await _hub.StartAsync();
            await OnReconnectedAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            await SetStateAsync(LinkState.Disconnected);
        }
    }

    public async Task StopAsync()
    {
        if (_catchUp is { } catchUp)
        {
            _catchUp = null;
            await catchUp.CancelAsync();
            catchUp.Dispose();
        }

        if (_hub is { } hub)
        {
            _hub = null;
            _watched.Clear();
            await hub.DisposeAsync();
        }

        _lastSequence = 0;
        _floor = 0;
        _seen.Clear();
        _seenOrder.Clear();
        await SetStateAsync(LinkState.Disconnected);
    }

    public async Task WatchAsync(Guid ticketId)
    {
        _watched.Add(ticketId);
        if (_hub?.State == HubConnectionState.Connected)
        {
            await _hub.InvokeAsync("WatchTicket", ticketId);
        }
    }

    public async Task UnwatchAsync(Guid ticketId)
    {
        _watched.Remove(ticketId);
        if (_hub?.State == HubConnectionState.Connected)
        {
            await _hub.InvokeAsync("UnwatchTicket", ticketId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _catchUp?.Cancel();
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }

    private async Task OnTicketChangedAsync(TicketChanged change)
    {
        // Raised once, whether it came live or from a catch-up; nothing from before this session's first connect.
        if (change.Sequence <= _floor || !_seen.Add(change.Sequence))
        {
            return;
        }

        _seenOrder.Enqueue(change.Sequence);
        if (_seenOrder.Count > SeenCapacity)
        {
            _seen.Remove(_seenOrder.Dequeue());
        }

        _lastSequence = Math.Max(_lastSequence, change.Sequence);
        await RaiseAsync(TicketChanged, change);
    }

    /// <summary>Group membership does not survive a reconnect: re-watch, then replay the missed changes.</summary>
    private async Task OnReconnectedAsync()
    {
        foreach (var id in _watched.ToList())
        {
            try
            {
                await _hub!.InvokeAsync("WatchTicket", id);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException)
            {
                _watched.Remove(id);
            }
        }

        await SetStateAsync(LinkState.Connected);
        await CatchUpAsync();
    }

    /// <summary>Raises, in order, the changes after the last one seen.</summary>
    private async Task CatchUpAsync()
    {
        if (!FollowsOrders)
        {
            return;
        }

        try
        {
            var since = Math.Max(_floor, _lastSequence - Overlap);
            IReadOnlyList<EventEnvelope> page;
            do
            {
                page = await api.GetEventsAsync(since, PageSize);
                foreach (var change in page.Select(e => e.TicketChanged).OfType<TicketChanged>())
                {
                    await OnTicketChangedAsync(change);
                }

                if (page.Count > 0)
                {
                    since = page[^1].Sequence;
                }
            }
            while (page.Count == PageSize);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException)
        {
            // The next catch-up, reconnect or page load tries again.
        }
    }

    private async Task CatchUpPeriodicallyAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(CatchUpInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (_hub?.State == HubConnectionState.Connected)
                {
                    await CatchUpAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Signed out.
        }
    }

    /// <summary>Only staff follow the orders' event log; a knowledge editor's console has no order pages to keep current.</summary>
    private bool FollowsOrders => Roles.Staff.Any(session.IsIn);

    /// <summary>On the first connect the pages load fresh data: only remember where the event log stands (one request, whatever its size).</summary>
    private async Task SkipToHeadAsync()
    {
        if (!FollowsOrders)
        {
            return;
        }

        _lastSequence = Math.Max(_lastSequence, (await api.GetEventHeadAsync()).Sequence);
        _floor = _lastSequence;
    }

    private Task SetStateAsync(LinkState state)
    {
        State = state;
        StateChanged?.Invoke();
        return Task.CompletedTask;
    }

    private static async Task RaiseAsync<T>(Func<T, Task>? handlers, T value)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<T, Task>>())
        {
            await handler(value);
        }
    }
}
