using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 9 "intake": registrations through the whole HTTP stack of a real API process (Kestrel on loopback, JWT,
/// validation, the registering transaction with its number, timeline and change-log rows, event publication) at
/// several concurrencies; then, at the same concurrencies, the database's own ceiling for the same table: the
/// registered row copied under a new id and number in single-row ADO.NET transactions.
/// </summary>
public sealed class IntakeScenario : IScenario
{
    public string Name => "intake";

    public string Description => "registrations/s and latency through the real HTTP stack vs the raw single-row insert ceiling";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--orders N", "registrations per concurrency level (default 3000)"),
        ("--concurrency LIST", "comma-separated levels (default 1,8,32,64)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var orders = args.Int("orders", 3000);
        var levels = args.Text("concurrency", "1,8,32,64").Split(',').Select(int.Parse).ToArray();

        await using var database = await BenchDatabase.CreateAsync(args, ct);
        await using var api = await ApiUnderTest.StartAsync(database, ct);
        using var agent = await api.SignInAsync("agent", ct);

        // Warm-up: JIT, connection pools, the reference-data cache.
        await RegisterManyAsync(agent, 300, 8, ct);

        var report = new BenchReport("intake: registrations through the HTTP stack")
            .Configure("database", database.Provider == DatabaseProvider.PostgreSql ? "PostgreSQL (loopback, same machine)" : "SQLite (WAL, file in a temp folder)")
            .Configure("API", "Hotline.Api Release process, Kestrel on 127.0.0.1, Production settings, warning-level logs, no job server")
            .Configure("load", $"{orders:N0} POST /api/tickets per level from one HttpClient in this process (same 2 cores as the API and the database)")
            .Configure("ceiling", "the same Tickets row (copied from a registered one under a new id and number), one INSERT per transaction, plain ADO.NET")
            .Columns("concurrency", "orders/s", "p50 ms", "p95 ms", "p99 ms", "ceiling rows/s", "share of ceiling");

        var template = await TemplateIdAsync(database, ct);
        foreach (var level in levels)
        {
            var (rate, latency) = await RegisterManyAsync(agent, orders, level, ct);
            var ceiling = await CeilingAsync(database, template, orders, level, ct);
            report.Row(level, rate, latency.Percentile(50), latency.Percentile(95), latency.Percentile(99), ceiling, $"{rate / ceiling:P0}");
            Console.Error.WriteLine($"c={level}: {rate:0} orders/s, p99 {latency.Percentile(99):0.0} ms; ceiling {ceiling:0} rows/s");
        }

        return report.Note("Targets (issue 9): ≥ 2,000 orders/s on PostgreSQL with p99 < 50 ms at concurrency 32, and ≥ 50 % of the raw insert ceiling.");
    }

    private static async Task<(double Rate, Latencies Latency)> RegisterManyAsync(HttpClient agent, int count, int concurrency, CancellationToken ct)
    {
        var latency = new Latencies(count);
        var next = -1;
        var run = Guid.NewGuid().ToString("N")[..8];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await agent.PostAsJsonAsync("/api/tickets", Request(run, i), ApiUnderTest.Json, ct);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"registration {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }

                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return (count / watch.Elapsed.TotalSeconds, latency);
    }

    private static RegisterTicketRequest Request(string run, int i) => new(
        Channel.Phone,
        TicketType.Complaint,
        "sw-ts",
        Urgency.Normal,
        new CitizenDto("王女士", "138" + (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), false),
        new LocationDto("dc", "dc-dhm", "东华门大街" + i + "号", null, null),
        $"小区停水三天，没有任何通知。压测 {run}-{i}",
        null);

    private static async Task<string> TemplateIdAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "Tickets" ORDER BY "CreatedAt" DESC LIMIT 1""";
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    /// <summary>Rows per second when each of <paramref name="concurrency"/> connections inserts one Tickets row per transaction.</summary>
    private static async Task<double> CeilingAsync(BenchDatabase database, string templateId, int count, int concurrency, CancellationToken ct)
    {
        var columns = await ColumnsAsync(database, ct);
        var select = string.Join(", ", columns.Select(c => c switch
        {
            "Id" => "@id",
            "Number" => "@number",
            "IdempotencyKey" => "NULL",
            "TrackingCode" => "@number",
            _ => $"\"{c}\"",
        }));
        var sql = $"""INSERT INTO "Tickets" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {select} FROM "Tickets" WHERE "Id" = @template""";
        var next = -1;
        var run = Guid.NewGuid().ToString("N")[..6];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await using var connection = Open(database);
            await connection.OpenAsync(ct);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                Add(command, "@id", database.Provider == DatabaseProvider.PostgreSql ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant());
                Add(command, "@number", $"C{run}{i:D10}");
                Add(command, "@template", database.Provider == DatabaseProvider.PostgreSql ? Guid.Parse(templateId) : templateId);
                await command.ExecuteNonQueryAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<List<string>> ColumnsAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.PostgreSql
            ? """SELECT column_name FROM information_schema.columns WHERE table_name = 'Tickets' ORDER BY ordinal_position"""
            : """SELECT name FROM pragma_table_info('Tickets')""";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static DbConnection Open(BenchDatabase database) => database.Provider == DatabaseProvider.PostgreSql
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(database.ConnectionString + ";Default Timeout=60");

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
