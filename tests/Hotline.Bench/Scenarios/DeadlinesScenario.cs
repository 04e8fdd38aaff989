using System.Diagnostics;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Core.Features.Deadlines.SweepDeadlines;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Deadlines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 9 "deadlines": N open orders of which D have just passed their sign-for limit; the time of one deadline
/// sweep to raise every due alert, then of a sweep with nothing due, and the query plans that show a sweep reads
/// the due orders through the NextAlertAt index, not the open ones. Among the open orders, S are suspended (挂起) with
/// deadlines that would long have passed: half with no end (never read by the sweep), half whose suspension ends at
/// "now" (the sweep restarts their clocks); none of them may get an alert.
/// </summary>
public sealed class DeadlinesScenario : IScenario
{
    private static readonly DateTimeOffset Now = ChinaTime.StartOfDay(new DateOnly(2026, 11, 5)).AddHours(10);

    public string Name => "deadlines";

    public string Description => "one sweep raising the alerts of D due orders among N open ones";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--orders N", "open orders (default 1000000)"),
        ("--due N", "of which just past their sign-for limit (default 10000)"),
        ("--batch N", "Deadlines:BatchSize of the sweep (default 500, the product's default)"),
        ("--suspended N", "suspended orders besides them, half ending now (default 10000)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var orders = args.Int("orders", 1_000_000);
        var due = Math.Min(orders, args.Int("due", 10_000));
        var batch = args.Int("batch", 500);
        var suspended = args.Int("suspended", 10_000);

        await using var database = await BenchDatabase.CreateAsync(args, ct);
        var city = await BenchCity.CreateAsync(database, 500, ct);
        var load = Stopwatch.StartNew();
        await new TicketBulkWriter(database).WriteAsync(Generate(city, orders, due).Concat(GenerateSuspended(city, suspended)), ct);
        await database.AnalyzeAsync(ct);
        var loaded = load.Elapsed;
        Console.Error.WriteLine($"loaded {orders:N0} open orders ({due:N0} due) in {loaded.TotalSeconds:0.0} s");

        var plan = await PlanAsync(database, batch, ct);
        var first = await SweepAsync(database, batch, ct);
        var second = await SweepAsync(database, batch, ct);
        var (alerted, resumed) = await SuspendedOutcomeAsync(database, ct);

        var report = new BenchReport("deadlines: one sweep over open orders")
            .Configure("database", database.Provider == DatabaseProvider.PostgreSql ? "PostgreSQL (loopback)" : "SQLite (WAL)")
            .Configure("orders", $"{orders:N0} open (dispatched, not yet due), {due:N0} of them dispatched 2 h 1 min before now with a 2 h sign-for limit")
            .Configure("suspended", $"{suspended:N0} more, suspended before their deadlines passed; {suspended - suspended / 2:N0} of them end now")
            .Configure("load", $"{loaded.TotalSeconds:0.0} s bulk load and ANALYZE (not measured)")
            .Configure("sweep", $"SweepDeadlinesHandler as the job runs it, batch {batch}, one DbContext; each alert committed with its timeline entry and change-log row")
            .Columns("sweep", "orders read", "alerts raised", "ms", "target")
            .Row($"first: {due:N0} due", first.Result.OrdersRead, first.Result.AlertsRaised, first.Elapsed, due == 10_000 && orders >= 1_000_000 ? "< 1000" : "—")
            .Row("second: nothing due", second.Result.OrdersRead, second.Result.AlertsRaised, second.Elapsed, "—");
        report.Note($"Suspended orders after the sweeps: {alerted:N0} alerted (target 0), {resumed:N0} resumed by the first sweep (target {suspended - suspended / 2:N0}).");
        report.Note("Query plan of one batch (the sweep's only read of Tickets):\n\n```\n" + plan + "\n```");
        return report;
    }

    /// <summary>How many suspended orders got an alert (must be none), and how many the sweep resumed.</summary>
    private static async Task<(int Alerted, int Resumed)> SuspendedOutcomeAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var suspended = db.Tickets.Where(t => t.Number.StartsWith("S"));
        var alerted = await suspended.CountAsync(t => db.TicketAlerts.Any(a => a.TicketId == t.Id), ct);
        var resumed = await suspended.CountAsync(t => t.SuspensionStatus == SuspensionStatus.Resumed, ct);
        return (alerted, resumed);
    }

    private static async Task<(SweepResult Result, TimeSpan Elapsed)> SweepAsync(BenchDatabase database, int batch, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var handler = new SweepDeadlinesHandler(
            db,
            new BenchClock(Now),
            Microsoft.Extensions.Options.Options.Create(new DeadlineOptions { BatchSize = batch }),
            NullLogger<SweepDeadlinesHandler>.Instance);
        var watch = Stopwatch.StartNew();
        var result = await handler.Handle(new SweepDeadlines(), ct);
        return (result, watch.Elapsed);
    }

    /// <summary>The plan of the batch query as EF generates it, with the sweep's parameter values inlined.</summary>
    private static async Task<string> PlanAsync(BenchDatabase database, int batch, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("""
                EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
                SELECT t.* FROM "Tickets" t WHERE t."NextAlertAt" IS NOT NULL AND t."NextAlertAt" <= @now ORDER BY t."NextAlertAt" LIMIT @batch
                """, connection);
            command.Parameters.AddWithValue("now", Now);
            command.Parameters.AddWithValue("batch", batch);
            return await ReadPlanAsync(command, ct);
        }

        await using (var sqlite = new SqliteConnection(database.ConnectionString))
        {
            await sqlite.OpenAsync(ct);
            await using var command = sqlite.CreateCommand();
            command.CommandText = """
                EXPLAIN QUERY PLAN
                SELECT t.* FROM "Tickets" t WHERE t."NextAlertAt" IS NOT NULL AND t."NextAlertAt" <= $now ORDER BY t."NextAlertAt" LIMIT $batch
                """;
            command.Parameters.AddWithValue("$now", new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(Now));
            command.Parameters.AddWithValue("$batch", batch);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var lines = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                lines.Add(reader.GetString(3));
            }

            return string.Join('\n', lines);
        }
    }

    private static async Task<string> ReadPlanAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static IEnumerable<Ticket> Generate(BenchCity city, int count, int due)
    {
        var random = new Random(4242);
        var schedule = new BenchSchedule();
        var agent = new Actor(null, "bench-agent", [Roles.Agent], null);
        var citizen = new Citizen("市民", "13800000000", false);
        var every = Math.Max(1, count / Math.Max(1, due));
        var dueLeft = due;
        for (var i = 0; i < count; i++)
        {
            var isDue = dueLeft > 0 && i % every == 0;
            // Due: the 2 h sign-for limit passed a minute ago. The rest: dispatched within the last 90 minutes, so
            // their first alert (the warning at 80 %, 96 minutes) is still ahead.
            var dispatched = isDue ? Now.AddMinutes(-121) : Now.AddMinutes(-random.Next(1, 90));
            var created = dispatched.AddMinutes(-5);
            var (district, street) = city.Streets[random.Next(city.Streets.Count)];
            var ticket = Ticket.Register(
                Guid.CreateVersion7(created), $"D{i:D12}", Channel.Phone, TicketType.Complaint,
                city.Categories[random.Next(city.Categories.Count)], Urgency.Normal, citizen,
                new TicketLocation(district, street, "测试地址", null, null), "压测工单", null, null, null, agent, created);
            ticket.Dispatch(city.Units[random.Next(city.Units.Count)], [], null, schedule, null, agent, dispatched);
            ticket.TakeDomainEvents();
            if (isDue)
            {
                dueLeft--;
            }

            yield return ticket;
        }
    }

    /// <summary>
    /// Orders dispatched a week ago, signed for and suspended two minutes after dispatch: without the suspension their
    /// contact and reply deadlines would have passed. Every second one's suspension ends a minute before "now".
    /// </summary>
    private static IEnumerable<Ticket> GenerateSuspended(BenchCity city, int count)
    {
        var random = new Random(2424);
        var schedule = new BenchSchedule();
        var agent = new Actor(null, "bench-agent", [Roles.Agent], null);
        var supervisor = new Actor(Guid.NewGuid(), "bench-supervisor", [Roles.Supervisor], null);
        var citizen = new Citizen("市民", "13800000000", false);
        for (var i = 0; i < count; i++)
        {
            var dispatched = Now.AddDays(-7).AddMinutes(-random.Next(1, 90));
            var unit = city.Units[random.Next(city.Units.Count)];
            var lead = new Actor(Guid.NewGuid(), "bench-unit", [Roles.Department], unit);
            var (district, street) = city.Streets[random.Next(city.Streets.Count)];
            var ticket = Ticket.Register(
                Guid.CreateVersion7(dispatched.AddMinutes(-5)), $"S{i:D12}", Channel.Phone, TicketType.Complaint,
                city.Categories[random.Next(city.Categories.Count)], Urgency.Normal, citizen,
                new TicketLocation(district, street, "测试地址", null, null), "压测挂起工单", null, null, null, agent, dispatched.AddMinutes(-5));
            ticket.Dispatch(unit, [], null, schedule, null, agent, dispatched);
            ticket.Accept(lead, dispatched.AddMinutes(1));
            ticket.RequestSuspension("等待司法鉴定", i % 2 == 0 ? Now.AddMinutes(-1) : null, lead, dispatched.AddMinutes(2));
            ticket.DecideSuspension(true, null, supervisor, dispatched.AddMinutes(2));
            ticket.TakeDomainEvents();
            yield return ticket;
        }
    }
}
