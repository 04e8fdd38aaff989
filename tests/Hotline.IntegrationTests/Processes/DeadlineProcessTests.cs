using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Npgsql;
using Shouldly;

using Hotline.TestSupport;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// The deadline acceptance checks with real processes: the API alone on the embedded default and a worker killed
/// with SIGKILL in the middle of a sweep (two API nodes with two workers: <see cref="MultiNodeTests"/>). Each is bounded in time and talks to
/// 127.0.0.1 only.
/// </summary>
public sealed class DeadlineProcessTests
{
    private const string Password = "Demo#12345";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OverdueAlert_Should_BeRaisedOnceWithinTwoMinutes_When_TheApiRunsTheJobsOnTheEmbeddedDefault()
    {
        var data = Path.Combine(Path.GetTempPath(), "hotline-proc-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var api = await HostProcess.StartAsync("Hotline.Api", new Dictionary<string, string>
            {
                ["Database:DataDirectory"] = data,
                ["Deadlines:SweepInterval"] = "00:00:20",
                ["Jobs:SchedulePollingInterval"] = "00:00:01",
                [SweepLogging] = "Information",
            }, Ct);

            await UseOneMinuteEmergencyAcceptLimitAsync(api);
            var (ticket, dispatchedAt) = await RegisterAndDispatchEmergencyAsync(api);

            var overdue = await WaitForAsync(api, ticket.Id, t => t.Alerts.Any(a => a.Kind == AlertKind.Overdue), TimeSpan.FromSeconds(150));
            var raisedAfter = overdue.Alerts.Single(a => a.Kind == AlertKind.Overdue).RaisedAt - dispatchedAt;
            raisedAfter.ShouldBeLessThan(TimeSpan.FromMinutes(2), api.Output);

            // One more sweep must find nothing new.
            await WaitForNextSweepAsync([api], overdue.Alerts.Single(a => a.Kind == AlertKind.Overdue).RaisedAt);
            var later = await GetTicketAsync(api, ticket.Id);
            later.Timeline.Count(e => e.Action == "DeadlineOverdue").ShouldBe(1);
            later.Alerts.Count(a => a.Kind == AlertKind.Overdue).ShouldBe(1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Sweep_Should_LoseNothingAndRaiseNothingTwice_When_AWorkerIsKilledMidSweep()
    {
        const int orders = 300;
        await using var database = await PostgresDatabase.CreateAsync(Ct);
        var shared = database.Settings();
        await using var api = await HostProcess.StartAsync("Hotline.Api", shared.With("Database:MigrateOnStart", "true").With("Demo:Seed", "true"), Ct);
        await UseOneMinuteEmergencyAcceptLimitAsync(api);

        using var agent = await SignInAsync(api, "agent");
        var ids = new List<Guid>();
        DateTimeOffset lastDispatch = default;
        foreach (var chunk in Enumerable.Range(0, orders).Chunk(4))
        {
            var dispatched = await Task.WhenAll(chunk.Select(_ => RegisterAndDispatchEmergencyAsync(agent)));
            ids.AddRange(dispatched.Select(d => d.Ticket.Id));
            lastDispatch = dispatched.Max(d => d.DispatchedAt);
        }

        // Every accept limit (1 minute) has passed before any worker runs, so one sweep has all of them to raise.
        var wait = lastDispatch.AddMinutes(1).AddSeconds(2) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, Ct);
        }

        // One order per transaction makes the sweep long enough to be killed half-way.
        var workerSettings = shared.With("Deadlines:SweepInterval", "00:00:05").With("Deadlines:BatchSize", "1").With("Jobs:SchedulePollingInterval", "00:00:01");
        var raisedAtKill = 0L;
        await using (var victim = await HostProcess.StartAsync("Hotline.Worker", workerSettings, Ct))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                raisedAtKill = await database.OverdueAcceptAlertsAsync(ids);
                if (raisedAtKill > 0)
                {
                    victim.Kill();
                    break;
                }

                await Task.Delay(5, Ct);
            }

            victim.HasExited.ShouldBeTrue("the worker never started sweeping:\n" + victim.Output);
        }

        raisedAtKill.ShouldBeInRange(1, orders - 1, "the worker must be killed in the middle of its sweep");
        var afterKill = await database.OverdueAcceptAlertsAsync(ids);
        afterKill.ShouldBeLessThan(orders, "the killed worker must not have finished");

        await using (await HostProcess.StartAsync("Hotline.Worker", workerSettings, Ct))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && await database.OverdueAcceptAlertsAsync(ids) < orders)
            {
                await Task.Delay(500, Ct);
            }
        }

        (await database.OverdueAcceptAlertsAsync(ids)).ShouldBe(orders, "every due alert is raised after the restart");
        (await database.CountAsync("""
            SELECT count(*) FROM (SELECT "TicketId" FROM "TicketAlerts" GROUP BY "TicketId", "Stage", "Kind", "DueAt" HAVING count(*) > 1) d
            """)).ShouldBe(0);
        (await database.CountAsync("""
            SELECT count(*) FROM (SELECT "TicketId" FROM "TicketTimeline" WHERE "Action" = 'DeadlineOverdue' GROUP BY "TicketId", "Note" HAVING count(*) > 1) d
            """)).ShouldBe(0, "no order got the same overdue entry twice");
    }

    /// <summary>The logging behavior's category: at Information, every request a host handles logs one line when it is done.</summary>
    internal const string SweepLogging = "Logging:LogLevel:Hotline.Core.Features.Common.LoggingBehavior";

    /// <summary>
    /// Waits until a sweep that started after <paramref name="raisedAt"/> (the start of the sweep that raised an alert)
    /// has finished on any of <paramref name="sweepers"/>, which log with <see cref="SweepLogging"/>: the first sweep
    /// to finish after that instant is the one that raised it, the second started after it had finished.
    /// </summary>
    internal static Task WaitForNextSweepAsync(IReadOnlyCollection<HostProcess> sweepers, DateTimeOffset raisedAt) =>
        HostProcess.WaitForLinesAsync(
            sweepers,
            line => line.Contains("SweepDeadlines by ", StringComparison.Ordinal) && line.Contains(" handled in ", StringComparison.Ordinal),
            raisedAt,
            count: 2,
            TimeSpan.FromSeconds(90),
            Ct);

    internal static async Task UseOneMinuteEmergencyAcceptLimitAsync(HostProcess api)
    {
        using var admin = await SignInAsync(api, "admin");
        var body = new UpsertSlaPolicyRequest(new LimitDto(1, LimitUnit.Minutes), new LimitDto(1, LimitUnit.Hours), new LimitDto(2, LimitUnit.Hours));
        await (await admin.PutAsJsonAsync("/api/sla-policies/Emergency", body, Json.Options, Ct)).ReadAsync<SlaPolicyDto>();
    }

    internal static async Task<(TicketDto Ticket, DateTimeOffset DispatchedAt)> RegisterAndDispatchEmergencyAsync(HostProcess api)
    {
        using var agent = await SignInAsync(api, "agent");
        return await RegisterAndDispatchEmergencyAsync(agent);
    }

    internal static async Task<(TicketDto Ticket, DateTimeOffset DispatchedAt)> RegisterAndDispatchEmergencyAsync(HttpClient agent)
    {
        var request = new RegisterTicketRequest(
            Channel.Phone,
            TicketType.HelpRequest,
            "rq-yh",
            Urgency.Emergency,
            new CitizenDto("测试市民", "13812345678", false),
            new LocationDto("hd", "hd-zgc", "中关村东路1号", null, null),
            "楼道里有燃气味道。" + Guid.NewGuid().ToString("N"),
            null);
        var ticket = await (await agent.PostAsJsonAsync("/api/tickets", request, Json.Options, Ct)).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var dispatched = await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();
        dispatched.Deadlines.AcceptDueAt.ShouldNotBeNull();
        return (dispatched, dispatched.Deadlines.AcceptDueAt!.Value.AddMinutes(-1));
    }

    internal static async Task<TicketDto> WaitForAsync(HostProcess api, Guid id, Func<TicketDto, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        TicketDto ticket;
        do
        {
            ticket = await GetTicketAsync(api, id);
            if (condition(ticket))
            {
                return ticket;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Order {ticket.Number} did not reach the expected state within {timeout}:\n{api.Output}");
    }

    internal static async Task<TicketDto> GetTicketAsync(HostProcess api, Guid id)
    {
        using var supervisor = await SignInAsync(api, "supervisor");
        return await (await supervisor.GetAsync($"/api/tickets/{id}", Ct)).ReadAsync<TicketDto>();
    }

    internal static async Task<HttpClient> SignInAsync(HostProcess api, string userName)
    {
        var client = api.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, Password), Json.Options, Ct)).ReadAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}

/// <summary>A PostgreSQL database of its own for one process test, dropped afterwards; skips the test when none is configured.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync(CancellationToken ct)
    {
        var server = Environment.GetEnvironmentVariable(HotlineApiFactory.PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Skip($"{HotlineApiFactory.PostgresVariable} not set");
        }

        var database = new PostgresDatabase(server, $"hotline_proc_{Guid.NewGuid():N}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"", ct);
        return database;
    }

    public Dictionary<string, string> Settings() => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Hotline"] = ConnectionString,
        ["Auth:SigningKey"] = "process-tests-signing-key-0123456789abcdef",
        ["Jobs:Storage"] = "Database",
        ["Jobs:RunServerInProcess"] = "false",
    };

    public async Task<long> OverdueAcceptAlertsAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM "TicketAlerts" WHERE "Stage" = 'Accept' AND "Kind" = 'Overdue' AND "TicketId" = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> CountAsync(string sql, Guid? id = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is { } value)
        {
            command.Parameters.AddWithValue("id", value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal static class SettingsExtensions
{
    public static Dictionary<string, string> With(this Dictionary<string, string> settings, string key, string value) =>
        new(settings) { [key] = value };
}
