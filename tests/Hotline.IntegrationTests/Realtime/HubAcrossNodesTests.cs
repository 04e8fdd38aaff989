using Hotline.Contracts;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Shouldly;

namespace Hotline.IntegrationTests.Realtime;

/// <summary>
/// Two API nodes on one database and one real redis-server: a console on node B is told only of orders its user may
/// see now, whatever node made the change. The watch groups are per unit, so no node has to remove a connection it
/// does not hold when an order moves away.
/// </summary>
public abstract class HubAcrossNodesTests(TwoNodeFixture fixture) : ApiTestBase(fixture)
{
    private HotlineApiFactory NodeB => fixture.NodeB;

    [Fact]
    public async Task TicketChanged_Should_StopReachingAUnitOnTheOtherNode_When_TheOrderIsRedispatchedAwayFromIt()
    {
        var ticket = await RegisterAndDispatchAsync();
        await using var water = await HubTestListener.ConnectAsync(NodeB, "water");
        await using var supervisor = await HubTestListener.ConnectAsync(NodeB, "supervisor");
        await water.Connection.InvokeAsync("WatchTicket", ticket.Id, Ct);
        await supervisor.Connection.InvokeAsync("WatchTicket", ticket.Id, Ct);

        // Changes go through node A (the fixture's clients); the consoles are on node B.
        var before = DateTimeOffset.UtcNow;
        var moved = await RedispatchAsync(ticket.Id, from: "water", to: "gas");
        await AcceptAsync(ticket.Id, "gas");

        var accepted = await supervisor.NextAsync(c => c.TicketId == ticket.Id && c.Status == TicketStatus.Accepted);
        accepted.Version.ShouldBeGreaterThan(moved.Version);
        accepted.CommittedAt.ShouldNotBeNull("the event carries its commit's time, for commit → client latency");
        accepted.CommittedAt.Value.ShouldBeInRange(before, DateTimeOffset.UtcNow);
        var later = await RegisterAndDispatchAsync();
        await water.NextAsync(c => c.TicketId == later.Id);
        water.Received.ShouldContain(c => c.TicketId == ticket.Id && c.Status == TicketStatus.ReturnRequested, "while water led the order it heard of it across nodes");
        water.Received.ShouldNotContain(c => c.TicketId == ticket.Id && c.Version >= moved.Version);
    }

    public sealed class OnSqlite(TwoNodeFixture.OnSqlite fixture) : HubAcrossNodesTests(fixture), IClassFixture<TwoNodeFixture.OnSqlite>;

    public sealed class OnPostgreSql(TwoNodeFixture.OnPostgreSql fixture) : HubAcrossNodesTests(fixture), IClassFixture<TwoNodeFixture.OnPostgreSql>;
}
