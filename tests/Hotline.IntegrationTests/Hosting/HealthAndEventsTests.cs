using System.Net;
using Hotline.Contracts.Realtime;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Hosting;

/// <summary>Health probes, the OpenAPI document, and the event feed a console re-syncs from.</summary>
public abstract class HealthAndEventsTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Should_Answer200_When_TheApiIsUp(string path)
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.GetAsync(path, Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_Should_DescribeTheTicketRoutes_When_Requested()
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.GetAsync("/openapi/v1.json", Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var document = await response.Content.ReadAsStringAsync(Ct);
        document.ShouldContain("\"/api/tickets\"");
        document.ShouldContain("/api/tickets/{id}/dispatch");
    }

    [Fact]
    public async Task UnknownApiRoute_Should_Answer404_When_Requested()
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.GetAsync("/api/no-such-route", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetEvents_Should_ListChangesInSequenceOrder_When_AgentReadsSinceZero()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var agent = await ClientAsync("agent");

        var events = await ReadAllEventsAsync(agent, 0);

        events.ShouldNotBeEmpty();
        events.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        events.Select(e => e.Sequence).Distinct().Count().ShouldBe(events.Count);
        var mine = events.Where(e => e.TicketChanged?.TicketId == ticket.Id).ToList();
        mine.Count.ShouldBeGreaterThanOrEqualTo(2);
        mine.Last().TicketChanged!.Version.ShouldBe(ticket.Version);
    }

    [Fact]
    public async Task GetEvents_Should_OnlyListOwnOrders_When_DepartmentReads()
    {
        using var agent = await ClientAsync("agent");
        var since = (await ReadAllEventsAsync(agent, 0)).Select(e => e.Sequence).DefaultIfEmpty(0).Max();
        var waterTicket = await RegisterAndDispatchAsync(NewTicket("sw-ts"));
        var gasTicket = await RegisterAndDispatchAsync(NewTicket("rq-tg"));
        using var water = await ClientAsync("water");

        var seenByWater = await ReadAllEventsAsync(water, since);
        var seenByAgent = await ReadAllEventsAsync(agent, since);

        seenByAgent.ShouldContain(e => e.TicketChanged!.TicketId == gasTicket.Id);
        seenByWater.ShouldContain(e => e.TicketChanged!.TicketId == waterTicket.Id);
        seenByWater.ShouldNotContain(e => e.TicketChanged!.TicketId == gasTicket.Id);
        seenByWater.ShouldAllBe(e => e.Sequence > since);
    }

    [Fact]
    public async Task GetEventHead_Should_BeTheNewestChange_So_FollowingFromIt_MissesNothingNew()
    {
        using var agent = await ClientAsync("agent");
        var old = await RegisterAsync();

        var head = (await (await agent.GetAsync("/api/events/head", Ct)).ReadAsync<EventHead>()).Sequence;
        var next = await RegisterAsync();

        var after = await ReadAllEventsAsync(agent, head);
        after.ShouldNotContain(e => e.TicketChanged!.TicketId == old.Id, "the head is past what the pages loaded");
        after.ShouldContain(e => e.TicketChanged!.TicketId == next.Id, "and before what came after");
        (await (await agent.GetAsync("/api/events/head", Ct)).ReadAsync<EventHead>()).Sequence.ShouldBeGreaterThanOrEqualTo(after.Max(e => e.Sequence));
    }

    [Fact]
    public async Task GetEvents_Should_Answer400Problem_When_SinceIsNegative()
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.GetAsync("/api/events?since=-1", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldContain("since");
    }

    private static async Task<List<EventEnvelope>> ReadAllEventsAsync(HttpClient client, long since)
    {
        var all = new List<EventEnvelope>();
        while (true)
        {
            var page = await (await client.GetAsync($"/api/events?since={since}&limit=1000", Ct)).ReadAsync<List<EventEnvelope>>();
            all.AddRange(page);
            if (page.Count < 1000)
            {
                return all;
            }

            since = page[^1].Sequence;
        }
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : HealthAndEventsTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : HealthAndEventsTests(fixture), IClassFixture<PostgresApiFixture>;
}
