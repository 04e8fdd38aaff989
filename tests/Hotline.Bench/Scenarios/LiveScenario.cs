using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts;
using Hotline.Contracts.Realtime;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 9 and 23 "live": up to 1,000 hub clients (the .NET SignalR client over WebSockets on loopback), each signed in
/// as one of the city's units, while orders are dispatched to those units. Measures the events delivered per
/// second and each delivery's latency twice: from the moment the dispatch request was sent, and from the commit
/// (<see cref="TicketChanged.CommittedAt"/>, the API's clock, the same machine's). With <c>--redis</c> two API nodes
/// share the database and a Redis backplane: the dispatches go to the first, every client listens on the second.
/// </summary>
public sealed class LiveScenario : IScenario
{
    public string Name => "live";

    public string Description => "hub clients spread over units: deliveries/s and latency from dispatch to client";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--clients N", "hub connections (default 1000)"),
        ("--orders N", "orders dispatched while they listen (default 600)"),
        ("--concurrency N", "dispatches in flight (default 4)"),
        ("--redis host:port", "two API nodes with this Redis as the SignalR backplane: dispatch on one, listen on the other"),
        ("--protocol json|messagepack", "the clients' hub protocol (default json, as the console)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var clientCount = args.Int("clients", 1000);
        var orders = args.Int("orders", 600);
        var concurrency = args.Int("concurrency", 4);

        var redis = args.Text("redis", string.Empty);
        var messagePack = args.Text("protocol", "json") switch
        {
            "json" => false,
            "messagepack" => true,
            var other => throw new ArgumentException($"--protocol {other}: json or messagepack"),
        };
        await using var database = await BenchDatabase.CreateAsync(args, ct);
        var backplane = redis.Length == 0 ? null : new Dictionary<string, string> { ["Redis:Configuration"] = redis };
        await using var api = await ApiUnderTest.StartAsync(database, ct, backplane);
        await using var listening = backplane is null ? null : await ApiUnderTest.StartAsync(database, ct, backplane);
        var hubNode = listening ?? api;
        using var agent = await api.SignInAsync("agent", ct);
        var units = (await agent.GetFromJsonAsync<List<UnitDto>>("/api/units", ApiUnderTest.Json, ct))!
            .Where(u => u.Kind is not (UnitKind.Center or UnitKind.StreetOffice)) // a street office's orders are also copied to its district
            .ToList();

        var tokens = new Dictionary<Guid, string>();
        foreach (var unit in units)
        {
            tokens[unit.Id] = await api.TokenAsync(unit.Code.ToLowerInvariant(), ct);
        }

        var sent = new ConcurrentDictionary<Guid, long>();
        var latency = new Latencies(clientCount * orders / Math.Max(1, units.Count) * 2 + 10_000);
        var fromCommit = new Latencies(clientCount * orders / Math.Max(1, units.Count) * 2 + 10_000);
        long delivered = 0, lastDelivery = 0;
        var listenersPerUnit = new Dictionary<Guid, int>();
        var connections = new List<HubConnection>();
        var connect = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(50))
        {
            var tasks = Enumerable.Range(0, clientCount).Select(async i =>
            {
                var unit = units[i % units.Count];
                await gate.WaitAsync(ct);
                try
                {
                    var builder = new HubConnectionBuilder()
                        .WithUrl(new Uri(hubNode.BaseAddress, "/hubs/hotline"), o =>
                        {
                            o.Transports = HttpTransportType.WebSockets;
                            o.SkipNegotiation = true;
                            o.AccessTokenProvider = () => Task.FromResult<string?>(tokens[unit.Id]);
                        });
                    var connection = (messagePack
                            ? builder.AddMessagePackProtocol()
                            : builder.AddJsonProtocol(o => Hotline.Core.Json.HotlineJson.Configure(o.PayloadSerializerOptions)))
                        .Build();
                    connection.On<TicketChanged>(nameof(IHotlineClient.TicketChanged), change =>
                    {
                        if (change.Status == TicketStatus.Dispatched && sent.TryGetValue(change.TicketId, out var at))
                        {
                            var now = Stopwatch.GetTimestamp();
                            latency.Add(Stopwatch.GetElapsedTime(at, now).TotalMilliseconds);
                            if (change.CommittedAt is { } committed)
                            {
                                fromCommit.Add((DateTimeOffset.UtcNow - committed).TotalMilliseconds);
                            }

                            Interlocked.Increment(ref delivered);
                            Interlocked.Exchange(ref lastDelivery, now);
                        }
                    });
                    await connection.StartAsync(ct);
                    lock (connections)
                    {
                        connections.Add(connection);
                    }
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(tasks);
        }

        var connected = connect.Elapsed;
        foreach (var unit in units)
        {
            listenersPerUnit[unit.Id] = Enumerable.Range(0, clientCount).Count(i => units[i % units.Count].Id == unit.Id);
        }

        // Registered beforehand, so the measured window holds only the dispatches and their deliveries.
        var registered = new List<(Guid Id, Guid Unit)>();
        for (var i = 0; i < orders; i++)
        {
            var response = await agent.PostAsJsonAsync("/api/tickets", Request(i), ApiUnderTest.Json, ct);
            var ticket = (await response.Content.ReadFromJsonAsync<TicketDto>(ApiUnderTest.Json, ct))!;
            registered.Add((ticket.Id, units[i % units.Count].Id));
        }

        var expected = registered.Sum(r => (long)listenersPerUnit[r.Unit]);
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < registered.Count)
            {
                var (id, unit) = registered[i];
                sent[id] = Stopwatch.GetTimestamp();
                using var response = await agent.PostAsJsonAsync($"/api/tickets/{id}/dispatch", new DispatchRequest(unit, null, null, null), ApiUnderTest.Json, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"dispatch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }
            }
        }));

        var wait = Stopwatch.StartNew();
        while (Interlocked.Read(ref delivered) < expected && wait.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50, ct);
        }

        var window = Stopwatch.GetElapsedTime(start, Interlocked.Read(ref lastDelivery));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        return new BenchReport("live: hub deliveries")
            .Configure("database", database.Provider == DatabaseProvider.PostgreSql ? "PostgreSQL (loopback)" : "SQLite (WAL)")
            .Configure("nodes", listening is null ? "one API process" : $"two API processes on the same database, Redis {redis} as the SignalR backplane: dispatches sent to the first, every client on the second")
            .Configure("clients", $"{clientCount} .NET SignalR clients over WebSockets in this process, {units.Count} unit accounts ({clientCount / units.Count}–{(clientCount + units.Count - 1) / units.Count} clients each), connected in {connected.TotalSeconds:0.0} s")
            .Configure("load", $"{orders} orders dispatched to those units, {concurrency} dispatches in flight; each dispatch reaches every client of its unit")
            .Configure("protocol", messagePack ? "MessagePack (the clients asked for it; the server offers JSON and MessagePack)" : "JSON (as the console)")
            .Columns("deliveries", "expected", "deliveries/s", "dispatches/s", "from request p50 ms", "p99 ms", "max ms", "from commit p50 ms", "p99 ms", "max ms")
            .Row(delivered, expected, delivered / window.TotalSeconds, orders / window.TotalSeconds, latency.Percentile(50), latency.Percentile(99), latency.Percentile(100),
                fromCommit.Percentile(50), fromCommit.Percentile(99), fromCommit.Percentile(100))
            .Note("From request: from the moment the dispatch request is sent to the client's handler (validation and the transaction included). From commit: from the event's committedAt (the API's wall clock right after the save committed) to the handler (this process's wall clock, the same machine). Target (issue 23): commit → client p99 < 100 ms with 1,000 clients, on one node and through Redis with two.");
    }

    private static RegisterTicketRequest Request(int i) => new(
        Channel.Phone,
        TicketType.Complaint,
        "sw-ts",
        Urgency.Normal,
        new CitizenDto("王女士", "13812345678", false),
        new LocationDto("dc", "dc-dhm", "东华门大街1号", null, null),
        $"压测实时推送 {i}",
        null);
}
