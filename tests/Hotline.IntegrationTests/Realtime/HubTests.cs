using Microsoft.AspNetCore.SignalR;
using Hotline.Contracts;
using Hotline.Contracts.Realtime;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Shouldly;

namespace Hotline.IntegrationTests.Realtime;

/// <summary>The hub at /hubs/hotline through the .NET client: who receives which change, with its sequence.</summary>
public abstract class HubTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task TicketChanged_Should_ReachTheLeadUnitAndNotAnotherUnit_When_AnOrderIsDispatched()
    {
        await using var water = await ListenAsync("water");
        await using var gas = await ListenAsync("gas");
        await using var supervisor = await ListenAsync("supervisor");

        var ticket = await RegisterAndDispatchAsync();

        var seen = await water.NextAsync(c => c.TicketId == ticket.Id && c.Status == TicketStatus.Dispatched);
        seen.Number.ShouldBe(ticket.Number);
        seen.Version.ShouldBe(ticket.Version);
        seen.Sequence.ShouldBeGreaterThan(0);
        await supervisor.NextAsync(c => c.TicketId == ticket.Id && c.Status == TicketStatus.Dispatched);

        // A change gas may see arrives; nothing about the water order came before it.
        var gasOrder = await RegisterAndDispatchAsync(NewTicket(categoryCode: "rq-tg", districtCode: "xc", streetCode: "xc-dsl"));
        await gas.NextAsync(c => c.TicketId == gasOrder.Id);
        gas.Received.ShouldNotContain(c => c.TicketId == ticket.Id);
    }

    [Fact]
    public async Task TicketChanged_Should_ReachAMessagePackClient_WithEveryField_When_AnOrderIsDispatched()
    {
        await using var water = await HubTestListener.ConnectAsync(Fixture.Factory, "water", messagePack: true);

        var ticket = await RegisterAndDispatchAsync();

        var seen = await water.NextAsync(c => c.TicketId == ticket.Id && c.Status == TicketStatus.Dispatched);
        (seen.Number, seen.Version).ShouldBe((ticket.Number, ticket.Version));
        seen.Sequence.ShouldBeGreaterThan(0);
        seen.CommittedAt.ShouldNotBeNull().Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task TicketChanged_Should_ReachAgents_When_AnOrderIsRegistered()
    {
        await using var agent = await ListenAsync("agent2");

        var ticket = await RegisterAsync();

        var seen = await agent.NextAsync(c => c.TicketId == ticket.Id);
        seen.Status.ShouldBe(TicketStatus.Registered);
    }

    [Fact]
    public async Task TicketChanged_Should_ReachCallbackStaff_When_AnOrderIsReplied()
    {
        await using var callback = await ListenAsync("callback");

        var ticket = await RepliedAsync();

        (await callback.NextAsync(c => c.TicketId == ticket.Id)).Status.ShouldBe(TicketStatus.Replied);
    }

    [Fact]
    public async Task Events_Should_ReplayWhatAListenerMissed_When_ItReconnects()
    {
        using var water = await ClientAsync("water");
        var before = await (await water.GetAsync("/api/events?since=0&limit=1000", Ct)).ReadAsync<List<EventEnvelope>>();
        var since = before.Count == 0 ? 0 : before.Max(e => e.Sequence);

        var ticket = await RegisterAndDispatchAsync();

        var missed = await (await water.GetAsync($"/api/events?since={since}", Ct)).ReadAsync<List<EventEnvelope>>();
        missed.ShouldContain(e => e.TicketChanged!.TicketId == ticket.Id && e.TicketChanged.Status == TicketStatus.Dispatched);
        missed.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task WatchTicket_Should_BeRefused_When_TheUnitMayNotSeeTheOrder()
    {
        var ticket = await RegisterAndDispatchAsync();
        await using var gas = await ListenAsync("gas");

        await Should.ThrowAsync<HubException>(() => gas.Connection.InvokeAsync("WatchTicket", ticket.Id, Ct));
    }

    [Fact]
    public async Task TicketChanged_Should_StopReachingAUnitThatWatchedAnOrder_When_TheOrderIsRedispatchedAwayFromIt()
    {
        var ticket = await RegisterAndDispatchAsync();
        await using var water = await ListenAsync("water");
        await using var supervisor = await ListenAsync("supervisor");
        await water.Connection.InvokeAsync("WatchTicket", ticket.Id, Ct);
        await supervisor.Connection.InvokeAsync("WatchTicket", ticket.Id, Ct);

        var moved = await RedispatchAsync(ticket.Id, from: "water", to: "gas");
        await AcceptAsync(ticket.Id, "gas");

        // A later change water may see arrives; nothing about the order after it moved away came before it.
        var later = await RegisterAndDispatchAsync();
        await water.NextAsync(c => c.TicketId == later.Id);
        water.Received.ShouldNotContain(c => c.TicketId == ticket.Id && c.Version >= moved.Version);
        (await supervisor.NextAsync(c => c.TicketId == ticket.Id && c.Status == TicketStatus.Accepted)).Version.ShouldBeGreaterThan(moved.Version);
    }

    [Fact]
    public async Task TicketChanged_Should_ReachAUnitThatWatchesAnOrder_While_TheUnitIsOnIt()
    {
        var ticket = await RegisterAndDispatchAsync();
        await using var water = await ListenAsync("water");
        await water.Connection.InvokeAsync("WatchTicket", ticket.Id, Ct);

        await AcceptAsync(ticket.Id, "water");

        (await water.NextAsync(c => c.TicketId == ticket.Id)).Status.ShouldBe(TicketStatus.Accepted);
    }

    [Fact]
    public async Task Connect_Should_BeRefused_When_NoTokenIsGiven()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Fixture.Factory.Server.BaseAddress, "/hubs/hotline"), o =>
            {
                o.HttpMessageHandlerFactory = _ => Fixture.Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();

        await Should.ThrowAsync<HttpRequestException>(() => connection.StartAsync(Ct));
    }

    private Task<HubTestListener> ListenAsync(string userName) => HubTestListener.ConnectAsync(Fixture.Factory, userName);

    public sealed class OnSqlite(SqliteApiFixture fixture) : HubTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : HubTests(fixture), IClassFixture<PostgresApiFixture>;
}
