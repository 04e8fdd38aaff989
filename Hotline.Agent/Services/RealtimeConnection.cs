using System.Text.Json.Serialization;
using Hotline.Contracts.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hotline.Agent.Services;

public enum LinkState { Disconnected, Connecting, Connected, Reconnecting }

/// <summary>
/// The console's one connection to <c>/hubs/hotline</c>. Reconnects automatically (0, 2, 10, 30 s); after every
/// reconnect it re-joins the watched orders and replays what it missed from <c>GET /api/events?since=</c>, so pages
/// see every <see cref="TicketChanged"/> once (deduplicated by sequence) whether it came live or from the re-sync.
/// </summary>
public sealed class RealtimeConnection(Session session, HotlineApi api, Microsoft.AspNetCore.Components.NavigationManager navigation) : IAsyncDisposable
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];
    private const int PageSize = 500;

    private readonly HashSet<Guid> _watched = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HubConnection? _hub;
    private long _lastSequence;

    public LinkState State { get; private set; } = LinkState.Disconnected;

    public long LastSequence => _lastSequence;

    public event Action? StateChanged;

    public event Func<TicketChanged, Task>? TicketChanged;

    public event Func<DeadlineAlert, Task>? DeadlineAlert;

    public event Func<CallRinging, Task>? CallRinging;

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
                    o.AccessTokenProvider = () => Task.FromResult(session.Token?.AccessToken);
                })
                .WithAutomaticReconnect(RetryDelays)
                .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
                .Build();

            _hub.On<TicketChanged>(nameof(IHotlineClient.TicketChanged), OnTicketChangedAsync);
            _hub.On<DeadlineAlert>(nameof(IHotlineClient.DeadlineAlert), a => RaiseAsync(DeadlineAlert, a));
            _hub.On<CallRinging>(nameof(IHotlineClient.CallRinging), c => RaiseAsync(CallRinging, c));
            _hub.Reconnecting += _ => SetStateAsync(LinkState.Reconnecting);
            _hub.Reconnected += _ => OnReconnectedAsync();
            _hub.Closed += _ => SetStateAsync(LinkState.Disconnected);

            await SetStateAsync(LinkState.Connecting);
            try
            {
                await _hub.StartAsync();
                await SkipToHeadAsync();
                await SetStateAsync(LinkState.Connected);
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
        if (_hub is { } hub)
        {
            _hub = null;
            _watched.Clear();
            await hub.DisposeAsync();
        }

        _lastSequence = 0;
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

    public ValueTask DisposeAsync() => _hub?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task OnTicketChangedAsync(TicketChanged change)
    {
        // A live event at or below the last sequence was already raised (live or from a re-sync).
        if (change.Sequence <= _lastSequence)
        {
            return;
        }

        _lastSequence = change.Sequence;
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
        try
        {
            IReadOnlyList<EventEnvelope> page;
            do
            {
                page = await api.GetEventsAsync(_lastSequence, PageSize);
                foreach (var change in page.Select(e => e.TicketChanged).OfType<TicketChanged>())
                {
                    await OnTicketChangedAsync(change);
                }
            }
            while (page.Count == PageSize);
        }
        catch (ApiException)
        {
            // The next reconnect or page load catches up.
        }
    }

    /// <summary>On the first connect the pages load fresh data: only remember where the event log stands.</summary>
    private async Task SkipToHeadAsync()
    {
        IReadOnlyList<EventEnvelope> page;
        do
        {
            page = await api.GetEventsAsync(_lastSequence, PageSize);
            if (page.Count > 0)
            {
                _lastSequence = Math.Max(_lastSequence, page[^1].Sequence);
            }
        }
        while (page.Count == PageSize);
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
