using System.Diagnostics;
using System.Net.Http.Json;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Tickets.Similarity;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 17 "similar": 相似诉求 over N orders. Starts the API once on a new database (the demo city and its
/// accounts), stops it, bulk loads N orders with generated demand texts (<see cref="DemandTextGenerator"/>) spread
/// over the last year (open shares as a real centre has them: most of the last week open, few older ones), starts
/// the API again and times how long its index takes to be ready, then times GET /api/tickets/similar (30 days,
/// with the query's district and street) one at a time and 8 at a time, and GET /api/tickets/similar-clusters
/// (7 days). The index is also rebuilt in this process to measure its managed memory and a bare look-up.
/// </summary>
public sealed class SimilarScenario : IScenario
{
    public string Name => "similar";

    public string Description => "similar-demand look-up and clusters over N orders (index rebuild, memory, p50/p95/p99)";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--orders N", "orders to generate (default 1000000)"),
        ("--lookups N", "look-ups per latency run (default 2000)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var count = args.Int("orders", 1_000_000);
        var lookups = args.Int("lookups", 2000);
        var now = DateTimeOffset.UtcNow;

        await using var database = await BenchDatabase.CreateAsync(args, ct);
        await (await ApiUnderTest.StartAsync(database, ct)).DisposeAsync(); // the demo city and its accounts

        List<(string District, string Street)> streets;
        List<string> categories;
        await using (var db = database.NewContext())
        {
            streets = (await db.Streets.AsNoTracking().Select(s => new { s.DistrictCode, s.Code }).ToListAsync(ct)).Select(s => (s.DistrictCode, s.Code)).ToList();
            categories = await db.Categories.AsNoTracking().Where(c => c.ParentCode != null).Select(c => c.Code).ToListAsync(ct);
        }

        var load = Stopwatch.StartNew();
        await new TicketBulkWriter(database).WriteAsync(Generate(count, now, streets, categories), ct);
        var loaded = load.Elapsed;
        await database.AnalyzeAsync(ct);
        Console.Error.WriteLine($"loaded {count:N0} orders in {loaded.TotalSeconds:0.0} s");

        var (rebuildSeconds, managedBytes, indexed, bareLookup) = await InProcessAsync(database, streets, ct);
        Console.Error.WriteLine($"in-process rebuild {rebuildSeconds:0.0} s, {managedBytes / 1048576.0:N0} MiB");

        var started = Stopwatch.StartNew();
        await using var api = await ApiUnderTest.StartAsync(database, ct);
        using var agent = await api.SignInAsync("agent", ct);
        agent.Timeout = TimeSpan.FromMinutes(10);
        using (var first = await agent.GetAsync("/api/tickets/similar?content=" + Uri.EscapeDataString("停水"), ct))
        {
            first.EnsureSuccessStatusCode(); // answers once the node's index is built
        }

        var ready = started.Elapsed;
        Console.Error.WriteLine($"API index ready {ready.TotalSeconds:0.0} s after start");

        var generator = new DemandTextGenerator(20261201);
        var random = new Random(7);
        var queries = Enumerable.Range(0, lookups).Select(_ =>
        {
            var (district, street) = streets[random.Next(streets.Count)];
            return $"/api/tickets/similar?content={Uri.EscapeDataString(generator.Next())}&districtCode={district}&streetCode={street}&days=30";
        }).ToList();
        var (serial, serialFound, handler) = await LatencyAsync(agent, queries, 1, ct);
        var (parallel, _, _) = await LatencyAsync(agent, queries, 8, ct);

        using var supervisor = await api.SignInAsync("supervisor", ct);
        supervisor.Timeout = TimeSpan.FromMinutes(5);
        var clusterTimes = new List<double>();
        SimilarClustersResult? clusters = null;
        for (var i = 0; i < 4; i++)
        {
            var watch = Stopwatch.StartNew();
            clusters = await supervisor.GetFromJsonAsync<SimilarClustersResult>("/api/tickets/similar-clusters?days=7", ApiUnderTest.Json, ct);
            clusterTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new BenchReport("similar: 相似诉求 look-up over N orders")
            .Configure("database", database.Provider.ToString())
            .Configure("orders", $"{count:N0} generated demands over the last 365 days ({indexed:N0} indexed; 40 problems × 3 wordings, 3,000 compounds, 600 roads, {streets.Count} streets)")
            .Configure("bulk load", $"{loaded.TotalSeconds:0.0} s")
            .Configure("API", "Hotline.Api Release process on 127.0.0.1, look-ups as the demo agent, each a new demand text with its district and street, days=30")
            .Columns("measure", "value", "goal")
            .Row("index ready after API start (s)", $"{ready.TotalSeconds:0.0}", "–")
            .Row("index rebuild in process (s) / managed memory (MiB)", $"{rebuildSeconds:0.0} / {managedBytes / 1048576.0:N0}", "–")
            .Row("bare index look-up p50 / p95 ms (in process, no HTTP, no DB)", $"{bareLookup.Percentile(50):0.00} / {bareLookup.Percentile(95):0.00}", "–")
            .Row($"GET /api/tickets/similar p50 / p95 / p99 ms, 1 at a time ({serial.Count:N0})", $"{serial.Percentile(50):0.0} / {serial.Percentile(95):0.0} / {serial.Percentile(99):0.0}", "p95 < 50")
            .Row("  of which the handler (tookMs: index + database + exact scores) p50 / p95 ms", $"{handler.Percentile(50):0.0} / {handler.Percentile(95):0.0}", "–")
            .Row($"GET /api/tickets/similar p50 / p95 / p99 ms, 8 at a time ({parallel.Count:N0})", $"{parallel.Percentile(50):0.0} / {parallel.Percentile(95):0.0} / {parallel.Percentile(99):0.0}", "–")
            .Row("look-ups with at least one similar order", $"{(double)serialFound / queries.Count:P0}", "–")
            .Row($"GET /api/tickets/similar-clusters?days=7 cold / warm median ms ({clusters!.OpenOrders:N0} open orders, {clusters.Clusters.Count} clusters shown)", $"{clusterTimes[0]:0} / {clusterTimes.Skip(1).Order().ElementAt(1):0}", "–");
    }

    /// <summary>The orders in creation order: the last week mostly open, the month before partly, older ones rarely (closed on the spot otherwise).</summary>
    private static IEnumerable<Ticket> Generate(int count, DateTimeOffset now, List<(string District, string Street)> streets, List<string> categories)
    {
        var generator = new DemandTextGenerator(17);
        var random = new Random(17);
        var agent = new Actor(null, "bench-agent", [Roles.Agent], null);
        var citizen = new Citizen("市民", "13800000000", false);
        var start = now.AddDays(-365);
        var step = TimeSpan.FromDays(365).Ticks / Math.Max(1, count);
        for (var i = 0; i < count; i++)
        {
            var created = start + TimeSpan.FromTicks((step * i) + random.NextInt64(Math.Max(1, step)));
            var (district, street) = streets[random.Next(streets.Count)];
            var ticket = Ticket.Register(
                Guid.CreateVersion7(created), $"S{i:D12}", Channel.Phone, TicketType.Complaint, categories[random.Next(categories.Count)], Urgency.Normal, citizen,
                new TicketLocation(district, street, null, null, null), generator.Next(), null, null, null, agent, created);
            var age = (now - created).TotalDays;
            var openShare = age < 7 ? 0.7 : age < 30 ? 0.2 : 0.03;
            if (random.NextDouble() >= openShare)
            {
                ticket.AnswerOnSpot("已当场答复", agent, created.AddMinutes(5));
            }

            ticket.TakeDomainEvents();
            yield return ticket;
        }
    }

    private static async Task<(double Seconds, long Bytes, int Indexed, Latencies Bare)> InProcessAsync(BenchDatabase database, List<(string District, string Street)> streets, CancellationToken ct)
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new TicketSimilarityIndex();
        var watch = Stopwatch.StartNew();
        int indexed;
        await using (var db = database.NewContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            indexed = await index.RebuildAsync(TicketSimilarityIndexSync.Rows(db.Tickets.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)).AsAsyncEnumerable(), ct);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var generator = new DemandTextGenerator(99);
        var random = new Random(99);
        var bare = new Latencies(2000);
        var from = DateTimeOffset.UtcNow.AddDays(-30);
        for (var i = 0; i < 2000; i++)
        {
            var (district, street) = streets[random.Next(streets.Count)];
            var query = new SimilarityQuery(DemandShingles.Of(generator.Next()), from, district, street, null, false, new SimilarityOptions().MinScore, 64);
            var started = Stopwatch.GetTimestamp();
            index.Find(query);
            bare.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        GC.KeepAlive(index);
        return (seconds, bytes, indexed, bare);
    }

    private static async Task<(Latencies Latency, int Found, Latencies Handler)> LatencyAsync(HttpClient client, List<string> queries, int concurrency, CancellationToken ct)
    {
        var latency = new Latencies(queries.Count);
        var handler = new Latencies(queries.Count);
        var found = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < queries.Count)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await client.GetFromJsonAsync<SimilarTicketsResult>(queries[i], ApiUnderTest.Json, ct);
                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                handler.Add(result!.TookMs);
                if (result.Items.Count > 0)
                {
                    Interlocked.Increment(ref found);
                }
            }
        }));
        return (latency, found, handler);
    }
}
