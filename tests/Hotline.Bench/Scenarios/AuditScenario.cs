using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit.SealAuditChain;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 20 "audit": the audit trail's write cost and its search at a large table, through the real API process.
/// First the table is filled to <c>--entries</c> rows (unit reads of orders, spread over a year, written through the
/// product's <c>HotlineDbContext</c>) and sealed by the product's sealer (<see cref="SealAuditChainHandler"/>), timed.
/// Then intake (agents registering orders) runs for a fixed time in four phases: alone; with a unit opening orders at
/// <c>--rate</c> a second (each read one audit entry, <c>ticket.viewed</c>); with an agent making the same reads at the
/// same rate (not audited: the read's own cost, without the entry); alone again (drift). The entries actually written
/// are counted in the table. Last, <c>GET /api/admin/audit</c> searches and <c>GET /api/admin/audit/verify</c> are timed.
/// </summary>
public sealed class AuditScenario : IScenario
{
    private static readonly string[] Units = ["swj", "zjw", "cgw", "jtw", "sthjj", "scjgj", "rsj", "wjw", "jw", "gaj"];

    public string Name => "audit";

    public string Description => "audit trail: intake with and without 1,000 audited reads/s, entries written, search and verify at a large table";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--entries N", "audit entries in the table before the phases (default 1000000)"),
        ("--seconds N", "length of each intake phase (default 30)"),
        ("--concurrency N", "parallel registrations (default 8)"),
        ("--rate N", "audited reads a second beside intake (default 1000)"),
        ("--readers N", "parallel readers making them (default 256: enough in flight for the rate at ~250 ms a read)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var entries = args.Int("entries", 1_000_000);
        var seconds = args.Int("seconds", 30);
        var concurrency = args.Int("concurrency", 8);
        var rate = args.Int("rate", 1000);
        var readers = args.Int("readers", 256);

        await using var database = await BenchDatabase.CreateAsync(args, ct);
        var (seedTime, sealTime) = await SeedAsync(database, entries, ct);
        Console.Error.WriteLine($"seeded {entries:N0} entries in {seedTime.TotalSeconds:0.0} s, sealed in {sealTime.TotalSeconds:0.0} s");

        await using var api = await ApiUnderTest.StartAsync(database, ct);
        using var agent = await api.SignInAsync("agent", ct);
        using var admin = await api.SignInAsync("admin", ct);
        admin.Timeout = TimeSpan.FromMinutes(10);
        var (unit, unitClient, visible) = await UnitWithOrdersAsync(api, ct);

        // Warm-up: JIT, pools, caches, for both kinds of request.
        await IntakeAsync(agent, TimeSpan.FromSeconds(5), concurrency, ct);
        await ReadsAsync(unitClient, visible, TimeSpan.FromSeconds(3), rate, readers, ct);
        await ReadsAsync(agent, visible, TimeSpan.FromSeconds(2), rate, readers, ct);

        var report = new BenchReport("audit: the audit trail's write cost and search")
            .Configure("database", database.Provider == DatabaseProvider.PostgreSql ? "PostgreSQL (loopback, same machine)" : "SQLite (WAL, file in a temp folder)")
            .Configure("API", "Hotline.Api Release process, Kestrel on 127.0.0.1, Production settings, warning-level logs, no job server")
            .Configure("audit table before the phases", $"{entries:N0} entries written through HotlineDbContext in batches of 10,000 in {seedTime.TotalSeconds:0.0} s, "
                + $"sealed by SealAuditChainHandler in {sealTime.TotalSeconds:0.0} s ({entries / Math.Max(sealTime.TotalSeconds, 0.001):N0} entries/s)")
            .Configure("intake", $"POST /api/tickets by agent, {concurrency} in parallel, {seconds} s a phase, one HttpClient in this process (same 2 cores)")
            .Configure("reads", $"GET /api/tickets/{{id}} over {visible.Count} orders, paced at {rate}/s by {readers} readers: by unit {unit} (each read one ticket.viewed entry) or by agent (not audited)")
            .Columns("phase", "orders/s", "intake p50 ms", "intake p99 ms", "reads/s", "read p50 ms", "read p99 ms", "audit entries/s written", "intake vs alone", "API CPU s/s", "API CPU ms a read");

        var phases = new (string Name, HttpClient? Reader)[] { ("intake alone", null), ("intake + audited reads (unit)", unitClient), ("intake + same reads, not audited (agent)", agent), ("intake alone, again", null) };
        double? alone = null;
        double? cpuPerOrder = null;
        foreach (var (name, reader) in phases)
        {
            var before = await AuditCountAsync(database, ct);
            var cpuBefore = api.CpuTime;
            var duration = TimeSpan.FromSeconds(seconds);
            var intake = IntakeAsync(agent, duration, concurrency, ct);
            var reads = reader is null ? Task.FromResult((0.0, new Latencies(1), TimeSpan.Zero)) : ReadsAsync(reader, visible, duration, rate, readers, ct);
            var (orders, intakeLatency, elapsed) = await intake;
            var (readRate, readLatency, readElapsed) = await reads;
            var written = (await AuditCountAsync(database, ct) - before) / Math.Max(elapsed.TotalSeconds, readElapsed.TotalSeconds);

            var phaseTime = Math.Max(elapsed.TotalSeconds, readElapsed.TotalSeconds);
            var cpu = (api.CpuTime - cpuBefore).TotalMilliseconds;
            alone ??= orders;

            // The API's CPU of a phase less its registrations (at the CPU an order took when intake ran alone), a read.
            cpuPerOrder ??= cpu / (orders * elapsed.TotalSeconds);
            var perRead = reader is null ? "–" : ((cpu - (cpuPerOrder.Value * orders * elapsed.TotalSeconds)) / (readRate * readElapsed.TotalSeconds)).ToString("0.00", CultureInfo.InvariantCulture);
            report.Row(name, orders, intakeLatency.Percentile(50), intakeLatency.Percentile(99), readRate, readLatency.Percentile(50), readLatency.Percentile(99), written,
                $"{orders / alone.Value - 1:+0.0%;-0.0%;0.0%}", cpu / 1000 / phaseTime, perRead);
            Console.Error.WriteLine($"{name}: {orders:0} orders/s, {readRate:0} reads/s, {written:0} entries/s");
        }

        // The chain after the phases: what the sealer has to catch up with, then the verification of the whole table.
        var total = await AuditCountAsync(database, ct);
        var watch = Stopwatch.StartNew();
        var caughtUp = await SealAllAsync(database, ct);
        var catchUp = watch.Elapsed;

        var table = new System.Text.StringBuilder("| request | runs | p50 ms | max ms | answer |\n|---|---|---|---|---|\n");
        var ticket = visible[0];
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var searches = new (string Label, string Query)[]
        {
            ("newest 50, no filter", ""),
            ("by order (ticketId)", $"?ticketId={ticket}"),
            ("by actor", $"?actor={unit}"),
            ("by actor and one day", $"?actor={unit}&from={today.AddDays(-100):yyyy-MM-dd}&to={today.AddDays(-100):yyyy-MM-dd}"),
            ("one month", $"?from={today.AddDays(-60):yyyy-MM-dd}&to={today.AddDays(-31):yyyy-MM-dd}"),
            ("by action (phone revealed)", $"?action={AuditActions.PhoneRevealed}"),
            ("page 200 of no filter", "?page=200"),
        };
        foreach (var (label, query) in searches)
        {
            var latency = new Latencies(10);
            var found = 0;
            for (var i = 0; i < 5; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await admin.GetAsync("/api/admin/audit" + query, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"audit search {query} answered {(int)response.StatusCode}: {body}");
                }

                found = JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32();
            }

            table.Append(CultureInfo.InvariantCulture, $"| GET /api/admin/audit{query}: {label} | 5 | {latency.Percentile(50):0.0} | {latency.Percentile(100):0.0} | total {found:N0} |\n");
        }

        var verifyLatency = new Latencies(4);
        var verdict = string.Empty;
        for (var i = 0; i < 2; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await admin.GetAsync("/api/admin/audit/verify", ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            verifyLatency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"audit verify answered {(int)response.StatusCode}: {body}");
            }

            var result = JsonDocument.Parse(body).RootElement;
            verdict = $"valid {result.GetProperty("valid").GetBoolean()}, sealed {result.GetProperty("sealed").GetInt64():N0}, pending {result.GetProperty("pending").GetInt64():N0}";
        }

        table.Append(CultureInfo.InvariantCulture, $"| GET /api/admin/audit/verify | 2 | {verifyLatency.Percentile(50):0.0} | {verifyLatency.Percentile(100):0.0} | {verdict} |");
        return report
            .Note(table.ToString())
            .Note($"Audit table after the phases: {total:N0} entries; the sealer then sealed the {caughtUp:N0} written during the run in {catchUp.TotalSeconds:0.0} s.")
            .Note("API CPU s/s: the API process's CPU time over the phase (2 cores: at most 2). API CPU ms a read: that CPU less the phase's orders at the CPU an order took in the first phase, per read; the audited and the unaudited read differ by the entry's write.")
            .Note("Target (issue 20): 1,000 audit entries a second written without lowering intake throughput by more than 10 % (the \"intake vs alone\" column of the audited phase).");
    }

    /// <summary>Registrations for <paramref name="duration"/>: orders/s, latencies and the time actually taken.</summary>
    private static async Task<(double Rate, Latencies Latency, TimeSpan Elapsed)> IntakeAsync(HttpClient agent, TimeSpan duration, int concurrency, CancellationToken ct)
    {
        var latency = new Latencies(200_000);
        var count = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var i = 0;
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await agent.PostAsJsonAsync("/api/tickets", Registration(run, worker, i++), ApiUnderTest.Json, ct);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }

                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref count);
            }
        }));
        return (count / watch.Elapsed.TotalSeconds, latency, watch.Elapsed);
    }

    /// <summary>
    /// Reads of orders paced at <paramref name="rate"/> a second: read k is due at start + k / rate; a reader that is
    /// late sends at once, so a rate the API cannot keep up with shows as a lower reads/s; nothing is sent after
    /// <paramref name="duration"/>.
    /// </summary>
    private static async Task<(double Rate, Latencies Latency, TimeSpan Elapsed)> ReadsAsync(HttpClient reader, IReadOnlyList<Guid> orders, TimeSpan duration, int rate, int readers, CancellationToken ct)
    {
        var latency = new Latencies(rate * ((int)duration.TotalSeconds + 10));
        var next = -1L;
        var done = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, readers).Select(async _ =>
        {
            while (true)
            {
                var k = Interlocked.Increment(ref next);
                var due = TimeSpan.FromSeconds((double)k / rate);
                if (due >= duration || watch.Elapsed >= duration)
                {
                    return;
                }

                var wait = due - watch.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, ct);
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await reader.GetAsync($"/api/tickets/{orders[(int)(k % orders.Count)]}", HttpCompletionOption.ResponseContentRead, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"read answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }

                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref done);
            }
        }));
        return (done / watch.Elapsed.TotalSeconds, latency, watch.Elapsed);
    }

    /// <summary>The demo unit that sees the most orders, signed in, with the orders it sees.</summary>
    private static async Task<(string Unit, HttpClient Client, IReadOnlyList<Guid> Orders)> UnitWithOrdersAsync(ApiUnderTest api, CancellationToken ct)
    {
        (string Unit, HttpClient Client, IReadOnlyList<Guid> Orders)? best = null;
        foreach (var unit in Units)
        {
            var client = await api.SignInAsync(unit, ct);
            var page = await client.GetFromJsonAsync<JsonElement>("/api/tickets?pageSize=100", ApiUnderTest.Json, ct);
            var ids = page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
            if (ids.Count > (best?.Orders.Count ?? 0))
            {
                best?.Client.Dispose();
                best = (unit, client, ids);
            }
            else
            {
                client.Dispose();
            }
        }

        return best ?? throw new InvalidOperationException("No demo unit sees an order: the demo city was not seeded.");
    }

    /// <summary>
    /// Fills the table with <paramref name="count"/> unit reads over the last year (ids and conversions as the product
    /// writes them), then seals them with the product's sealer.
    /// </summary>
    private static async Task<(TimeSpan Seed, TimeSpan Seal)> SeedAsync(BenchDatabase database, int count, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(20);
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        var tickets = Enumerable.Range(0, 20_000).Select(_ => Guid.NewGuid()).ToArray();
        const int batch = 10_000;
        for (var written = 0; written < count; written += batch)
        {
            await using var db = database.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var n = Math.Min(batch, count - written);
            for (var i = 0; i < n; i++)
            {
                var at = start.AddSeconds(365.0 * 86_400 * (written + i) / count);
                var ticket = tickets[random.Next(tickets.Length)];
                var unit = Units[random.Next(Units.Length)];
                var phone = random.Next(20) == 0;
                db.AuditEntries.Add(new AuditEntry
                {
                    At = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero),
                    ActorUserId = Guid.NewGuid(),
                    ActorName = unit,
                    Address = "10.1." + random.Next(256).ToString(CultureInfo.InvariantCulture) + "." + random.Next(256).ToString(CultureInfo.InvariantCulture),
                    Action = phone ? AuditActions.PhoneRevealed : AuditActions.TicketViewed,
                    TargetType = "Ticket",
                    TargetId = ticket.ToString(),
                    TicketId = ticket,
                    Summary = phone ? "查看市民完整电话" : "查看工单 " + (2025_0000_0000L + written + i).ToString(CultureInfo.InvariantCulture),
                });
            }

            await db.SaveChangesAsync(ct);
        }

        var seeded = watch.Elapsed;
        watch.Restart();
        await SealAllAsync(database, ct);
        return (seeded, watch.Elapsed);
    }

    /// <summary>Runs the product's sealer until nothing is left to seal; answers how many it sealed.</summary>
    private static async Task<long> SealAllAsync(BenchDatabase database, CancellationToken ct)
    {
        long total = 0;
        while (true)
        {
            await using var db = database.NewContext();
            var sealedNow = await new SealAuditChainHandler(db).Handle(new SealAuditChain(), ct);
            total += sealedNow;
            if (sealedNow == 0)
            {
                return total;
            }
        }
    }

    private static async Task<long> AuditCountAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        return await db.AuditEntries.LongCountAsync(ct);
    }

    private static RegisterTicketRequest Registration(string run, int worker, int i) => new(
        Channel.Phone,
        TicketType.Complaint,
        "sw-ts",
        Urgency.Normal,
        new CitizenDto("王女士", "139" + (10_000_000 + (worker * 100_000) + (i % 100_000)).ToString(CultureInfo.InvariantCulture), false),
        new LocationDto("dc", "dc-dhm", "东华门大街" + i + "号", null, null),
        $"小区停水三天，没有任何通知。审计压测 {run}-{worker}-{i}",
        null);
}
