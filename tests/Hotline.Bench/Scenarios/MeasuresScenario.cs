using System.Diagnostics;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Domain.Calendar;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Kpis;
using Hotline.Core.Features.Kpis.Counts;
using Hotline.Core.Features.Kpis.Counts.RebuildKpiCounts;
using Hotline.Core.Features.Kpis.GetGroupMeasures;
using Hotline.Core.Features.Kpis.GetHotSpots;
using Hotline.Core.Features.Kpis.GetUnitMeasures;
using Hotline.Core.Features.Kpis.GetVolumes;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 6/9 "measures": a month's three rates over a million orders. Generates a city (units, districts, streets,
/// categories) and N orders through the Ticket aggregate (so every column is what the product would store), bulk
/// loads them, then times each measures query as the API runs it: one cold run and several warm runs.
/// </summary>
public sealed class MeasuresScenario : IScenario
{
    private static readonly DateOnly Month = new(2026, 10, 1);
    private static readonly DateTimeOffset Now = ChinaTime.StartOfDay(new DateOnly(2026, 11, 5)).AddHours(10);

    public string Name => "measures";

    public string Description => "a month's three rates (and volumes, hot spots) over N orders";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--orders N", "orders to generate (default 1000000)"),
        ("--months N", "months they are spread over, ending with the measured month 2026-10 (default 1: all in it)"),
        ("--units N", "handling units (default 500)"),
        ("--runs N", "warm runs per query (default 5)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var orders = args.Int("orders", 1_000_000);
        var months = Math.Max(1, args.Int("months", 1));
        var unitCount = Math.Max(2, args.Int("units", 500));
        var runs = Math.Max(1, args.Int("runs", 5));

        await using var database = await BenchDatabase.CreateAsync(args, ct);
        var city = await BenchCity.CreateAsync(database, unitCount, ct);

        var load = Stopwatch.StartNew();
        var writer = new TicketBulkWriter(database);
        await writer.WriteAsync(Generate(city, orders, months), ct);
        var loaded = load.Elapsed;
        var analyze = Stopwatch.StartNew();
        await database.AnalyzeAsync(ct);
        var analyzed = analyze.Elapsed;
        Console.Error.WriteLine($"loaded {orders:N0} orders in {loaded.TotalSeconds:0.0} s, analyzed in {analyzed.TotalSeconds:0.0} s");

        // The bulk load bypassed the application, so the counts are computed the way an upgrade does it.
        var rebuild = Stopwatch.StartNew();
        int countRows;
        await using (var db = database.NewContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            countRows = await new RebuildKpiCountsHandler(db).Handle(new RebuildKpiCounts(), ct);
        }

        var rebuilt = rebuild.Elapsed;
        await database.AnalyzeAsync(ct);
        Console.Error.WriteLine($"rebuilt {countRows:N0} count rows in {rebuilt.TotalSeconds:0.0} s");

        var report = new BenchReport("measures: a month's three rates")
            .Configure("database", database.Provider == Hotline.Core.Data.DatabaseProvider.PostgreSql ? "PostgreSQL (" + await ServerVersionAsync(database) + ")" : "SQLite (WAL, file in a temp folder)")
            .Configure("orders", $"{orders:N0} over {months} month(s), measured month 2026-10 ({(months == 1 ? orders : orders / months):N0} in it)")
            .Configure("city", $"{unitCount} units, {city.Districts.Count} districts, {city.Streets.Count} streets, {city.Categories.Count} leaf categories")
            .Configure("bulk load", $"{loaded.TotalSeconds:0.0} s ({orders / loaded.TotalSeconds:N0} orders/s), then ANALYZE {analyzed.TotalSeconds:0.0} s")
            .Configure("counts", $"{countRows:N0} KpiCounts rows, rebuilt from the orders in {rebuilt.TotalSeconds:0.0} s (once, after the bulk load; live writes maintain them)")
            .Configure("runs", $"1 cold + {runs} warm per query, each on a new DbContext (as one API request)")
            .Columns("query (as the API runs it)", "rows", "cold ms", "warm median ms", "warm max ms", "target");

        var time = new BenchClock(Now);
        var options = Microsoft.Extensions.Options.Options.Create(new KpiOptions());
        var from = Month;
        var to = Month.AddMonths(1).AddDays(-1);
        (string Name, Func<Hotline.Core.Data.HotlineDbContext, Task<int>> Run, string Target)[] queries =
        [
            ("GET /api/kpis/units (month)", async db => (await new GetUnitMeasuresHandler(new MeasureCalculator(db, options), time).Handle(new GetUnitMeasures(from, to), ct)).Count, "< 1000"),
            ("GET /api/kpis/districts (month)", async db => (await new GetGroupMeasuresHandler(new MeasureCalculator(db, options), time).Handle(new GetGroupMeasures(MeasureDimension.District, from, to), ct)).Count, "< 1000"),
            ("GET /api/kpis/categories (month)", async db => (await new GetGroupMeasuresHandler(new MeasureCalculator(db, options), time).Handle(new GetGroupMeasures(MeasureDimension.Category, from, to), ct)).Count, "< 1000"),
            ("GET /api/kpis/volumes (month, by day and channel)", async db => (await new GetVolumesHandler(new VolumeCalculator(db), time).Handle(new GetVolumes(from, to), ct)).Series.Count, "—"),
            ("GET /api/kpis/hotspots (last week of the month)", async db => (await new GetHotSpotsHandler(new HotSpotFinder(db, options), time).Handle(new GetHotSpots(new DateOnly(2026, 10, 28)), ct)).Items.Count, "< 200"),
        ];

        foreach (var (name, run, target) in queries)
        {
            var samples = new List<TimeSpan>();
            var rows = 0;
            for (var i = 0; i <= runs; i++)
            {
                await using var db = database.NewContext();
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
                var watch = Stopwatch.StartNew();
                rows = await run(db);
                samples.Add(watch.Elapsed);
            }

            var warm = samples.Skip(1).Order().ToList();
            report.Row(name, rows, samples[0], warm[warm.Count / 2], warm[^1], target);
            Console.Error.WriteLine($"{name}: cold {samples[0].TotalMilliseconds:0} ms, warm median {warm[warm.Count / 2].TotalMilliseconds:0} ms");
        }

        return report;
    }

    /// <summary>The orders, in creation order, each taken through the aggregate to a realistic state at <see cref="Now"/>.</summary>
    private static IEnumerable<Ticket> Generate(BenchCity city, int count, int months)
    {
        var random = new Random(12345);
        var start = ChinaTime.StartOfDay(Month.AddMonths(1 - months));
        var end = ChinaTime.StartOfDay(Month.AddMonths(1));
        var span = (end - start).Ticks;
        var schedule = new BenchSchedule();
        var agent = new Actor(null, "bench-agent", [Roles.Agent], null);
        var supervisor = new Actor(null, "bench-supervisor", [Roles.Supervisor], null);
        var callback = new Actor(null, "bench-callback", [Roles.Callback], null);
        var sweeper = Actor.System("deadline-sweep");
        Channel[] channels = [Channel.Phone, Channel.Phone, Channel.Phone, Channel.Phone, Channel.Phone, Channel.Phone, Channel.Web, Channel.Web, Channel.Open311, Channel.Sms];
        TicketType[] types = [TicketType.Complaint, TicketType.Complaint, TicketType.Complaint, TicketType.HelpRequest, TicketType.HelpRequest, TicketType.Consultation, TicketType.Report, TicketType.Suggestion, TicketType.Praise];
        var citizen = new Citizen("市民", "13800000000", false);

        for (var i = 0; i < count; i++)
        {
            var created = start + TimeSpan.FromTicks((long)(random.NextDouble() * span));
            var (district, street) = city.Streets[random.Next(city.Streets.Count)];
            var ticket = Ticket.Register(
                Guid.CreateVersion7(created), $"B{i:D12}", channels[random.Next(channels.Length)], types[random.Next(types.Length)],
                city.Categories[random.Next(city.Categories.Count)], Urgency.Normal, citizen,
                new TicketLocation(district, street, "测试地址", null, null), "压测工单", null, null, null, agent, created);
            Advance(ticket, random, city, schedule, agent, supervisor, callback, created);
            ticket.RaiseDueAlerts(Now, sweeper); // what the deadline sweep has done by now
            ticket.TakeDomainEvents();
            yield return ticket;
        }
    }

    private static void Advance(Ticket t, Random random, BenchCity city, BenchSchedule schedule, Actor agent, Actor supervisor, Actor callback, DateTimeOffset created)
    {
        var r = random.NextDouble();
        if (r < 0.04)
        {
            return; // waiting for an agent
        }

        var at = created.AddMinutes(2 + random.Next(10));
        if (r < 0.08 || at > Now)
        {
            if (at <= Now)
            {
                t.AnswerOnSpot("已当场答复", agent, at);
            }

            return;
        }

        var lead = city.Units[random.Next(city.Units.Count)];
        t.Dispatch(lead, [], null, schedule, null, agent, at);
        if (random.NextDouble() < 0.03 && Step(ref at, random, 5, 60))
        {
            var unit = new Actor(null, "bench-unit", [Roles.Department], lead);
            t.RequestReturn("非本单位职责", unit, at);
            if (!Step(ref at, random, 30, 300))
            {
                return;
            }

            lead = city.Units[(city.Units.IndexOf(lead) + 1) % city.Units.Count];
            t.ApproveReturn(lead, null, schedule, null, supervisor, at);
        }

        var actor = new Actor(null, "bench-unit", [Roles.Department], lead);
        for (var round = 0; round < 2; round++)
        {
            // Sign for: mostly within the 2 h limit, some late, some never (still open).
            if (random.NextDouble() < 0.04 || !Step(ref at, random, 5, random.NextDouble() < 0.9 ? 110 : 600))
            {
                return;
            }

            t.Accept(actor, at);
            if (random.NextDouble() < 0.03 || !Step(ref at, random, 20, random.NextDouble() < 0.9 ? 1400 : 3000))
            {
                return;
            }

            t.RecordContact("已联系", actor, at);
            if (random.NextDouble() < 0.04 || !Step(ref at, random, 600, random.NextDouble() < 0.9 ? 7000 : 12000))
            {
                return;
            }

            t.Reply(random.NextDouble() < 0.85, "已处理", actor, at);
            if (random.NextDouble() < 0.03 || !Step(ref at, random, 60, 4000))
            {
                return;
            }

            var c = random.NextDouble();
            var (outcome, solved) = c < 0.62 ? (CallbackOutcome.Satisfied, true)
                : c < 0.78 ? (CallbackOutcome.BasicallySatisfied, true)
                : c < 0.87 ? (CallbackOutcome.Unreachable, (bool?)null)
                : (CallbackOutcome.Dissatisfied, false);
            t.RecordCallback(outcome, solved, null, schedule, callback, at);
            if (!t.IsOpen)
            {
                return;
            }
        }
    }

    /// <summary>Moves <paramref name="at"/> on by a random number of minutes; false when that would pass now.</summary>
    private static bool Step(ref DateTimeOffset at, Random random, int minMinutes, int maxMinutes)
    {
        var next = at.AddMinutes(minMinutes + random.Next(Math.Max(1, maxMinutes - minMinutes)));
        if (next > Now)
        {
            return false;
        }

        at = next;
        return true;
    }

    private static async Task<string> ServerVersionAsync(BenchDatabase database)
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        return db.Database.GetDbConnection().ServerVersion;
    }
}
