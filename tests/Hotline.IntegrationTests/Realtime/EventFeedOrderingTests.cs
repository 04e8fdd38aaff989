using Hotline.Contracts.Realtime;
using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;
using Npgsql;
using Shouldly;

namespace Hotline.IntegrationTests.Realtime;

/// <summary>
/// The re-sync feed never lets a client skip a change that commits after a higher-numbered one (PostgreSQL takes an
/// identity value at insert, not at commit): a change held open in a transaction keeps the changes after it out of
/// <c>GET /api/events</c> until it commits, and a rolled-back one stops holding them back after the gap timeout.
/// </summary>
public sealed class EventFeedOrderingTests(EventFeedOrderingTests.GapFixture fixture) : ApiTestBase(fixture), IClassFixture<EventFeedOrderingTests.GapFixture>
{
    [Fact]
    public async Task Feed_Should_HoldBackLaterChanges_Until_AnEarlierNumberedChangeCommits()
    {
        var order = await RegisterAsync();
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var inFlight = await InsertChangeAsync(connection, transaction, order.Id, order.Number);

        // Another desk's change commits meanwhile, with higher numbers.
        var later = await RegisterAsync();
        using var supervisor = await ClientAsync("supervisor");
        var cursor = inFlight - 1;

        var before = await EventsAsync(supervisor, cursor);
        before.ShouldBeEmpty("a client that read the later change now would ask for what follows it and never see the one in flight");
        (await HeadAsync(supervisor)).ShouldBe(inFlight - 1, "a console that starts following from the head must not start past the change in flight");

        await transaction.CommitAsync(Ct);
        var after = await EventsAsync(supervisor, cursor);
        after.Select(e => e.Sequence).ShouldBe(after.Select(e => e.Sequence).Order(), "oldest first");
        after[0].Sequence.ShouldBe(inFlight);
        after.ShouldContain(e => e.TicketChanged!.TicketId == later.Id);
        (await HeadAsync(supervisor)).ShouldBe(after[^1].Sequence, "nothing in flight: the head is the newest change");
    }

    [Fact]
    public async Task Feed_Should_StepOverANumberOfARolledBackChange_When_TheGapTimeoutHasPassed()
    {
        var order = await RegisterAsync();
        long rolledBack;
        await using (var connection = await OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            rolledBack = await InsertChangeAsync(connection, transaction, order.Id, order.Number);
            await transaction.RollbackAsync(Ct);
        }

        var later = await RegisterAsync();
        using var supervisor = await ClientAsync("supervisor");

        (await EventsAsync(supervisor, rolledBack - 1)).ShouldBeEmpty("the gap is young: it may still commit");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<EventEnvelope> events;
        do
        {
            await Task.Delay(250, Ct);
            events = await EventsAsync(supervisor, rolledBack - 1);
        }
        while (events.Count == 0 && DateTime.UtcNow < deadline);

        events.ShouldContain(e => e.TicketChanged!.TicketId == later.Id, "a rolled-back number must not hold the feed back for ever");
        events.ShouldNotContain(e => e.Sequence == rolledBack);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Fixture.Factory.PostgresConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    /// <summary>A change-log row of the order inserted in <paramref name="transaction"/>: its sequence, taken now, visible at commit.</summary>
    private static async Task<long> InsertChangeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid ticketId, string number)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO "TicketChanges" ("TicketId", "Number", "Status", "Version", "Events", "LeadUnitId", "UnitIds", "At")
            VALUES (@id, @number, 'Registered', 99, 'TicketRegistered', NULL, '', now()) RETURNING "Sequence"
            """,
            connection,
            transaction);
        insert.Parameters.AddWithValue("id", ticketId);
        insert.Parameters.AddWithValue("number", number);
        return (long)(await insert.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<long> HeadAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/events/head", Ct)).ReadAsync<EventHead>()).Sequence;

    private static async Task<List<EventEnvelope>> EventsAsync(HttpClient client, long since) =>
        await (await client.GetAsync($"/api/events?since={since}&limit=1000", Ct)).ReadAsync<List<EventEnvelope>>();

    /// <summary>The API on PostgreSQL with a two-second gap timeout, so the rolled-back case is quick.</summary>
    public sealed class GapFixture() : ApiFixture(DatabaseProvider.PostgreSql, settings: new Dictionary<string, string?> { ["Events:GapTimeout"] = "00:00:02" });
}
