using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Intelligence;

/// <summary>相似诉求 through HTTP on each provider: the look-up while registering, an order's similar orders, unit isolation, clusters.</summary>
public abstract class SimilarTicketsTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    /// <summary>Six characters no other test writes, so each test's orders are alike only among themselves.</summary>
    private static string Place()
    {
        var random = new Random();
        return string.Concat(Enumerable.Range(0, 6).Select(_ => (char)random.Next(0x5000, 0x8FFF)));
    }

    private async Task<SimilarTicketsResult> SimilarAsync(string user, string query)
    {
        using var client = await ClientAsync(user);
        return await (await client.GetAsync(query, Ct)).ReadAsync<SimilarTicketsResult>();
    }

    private static string Q(string content, string? district = null, string? street = null, int? days = null) =>
        $"/api/tickets/similar?content={Uri.EscapeDataString(content)}"
        + (district is null ? "" : $"&districtCode={district}") + (street is null ? "" : $"&streetCode={street}") + (days is null ? "" : $"&days={days}");

    [Fact]
    public async Task Similar_Should_FindWhatSaysTheSameThing_NearerPlacesFirst_AndMarkClosedOrders()
    {
        var place = Place();
        var elsewhere = await RegisterAsync(NewTicket(districtCode: "xc", streetCode: "xc-ssh", content: $"{place}小区的自来水管爆裂了，水流了一地，请尽快派人维修"));
        var sameStreet = await RegisterAsync(NewTicket(districtCode: "dc", streetCode: "dc-dhm", content: $"{place}小区那边水管爆了，到处都是水，赶紧来修一下"));
        var sameDistrict = await RegisterAsync(NewTicket(districtCode: "dc", streetCode: "dc-jsj", content: $"{place}小区自来水管破裂漏水，水流得到处都是"));
        var unrelated = await RegisterAsync(NewTicket(districtCode: "dc", streetCode: "dc-dhm", content: "楼上邻居半夜装修，电钻声音太吵了，没法休息"));

        var result = await SimilarAsync("agent", Q($"{place}小区的水管爆了，水流了一地", "dc", "dc-dhm"));

        result.Items.Select(i => i.Id).ShouldBe([sameStreet.Id, sameDistrict.Id, elsewhere.Id]);
        result.Items.Select(i => i.Place).ShouldBe([SimilarPlace.SameStreet, SimilarPlace.SameDistrict, SimilarPlace.Elsewhere]);
        result.Items.ShouldAllBe(i => i.Score >= result.MinScore && i.Score <= 1 && !i.Closed);
        result.Items.ShouldNotContain(i => i.Id == unrelated.Id);
        var first = result.Items[0];
        (first.Number, first.DistrictName, first.StreetName, first.CategoryCode, first.Status).ShouldBe((sameStreet.Number, "东城区", "东华门街道", "sw-ts", TicketStatus.Registered));
        result.Days.ShouldBe(30);

        // Answered on the spot: still shown, marked closed.
        using var agent = await ClientAsync("agent");
        await (await agent.PostAsJsonAsync($"/api/tickets/{sameDistrict.Id}/answer", new AnswerRequest("已告知维修电话", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var after = await SimilarAsync("supervisor", Q($"{place}小区的水管爆了，水流了一地", "dc", "dc-dhm"));
        after.Items.Single(i => i.Id == sameDistrict.Id).Closed.ShouldBeTrue();

        // Merged as a duplicate: no longer shown.
        await (await agent.PostAsJsonAsync($"/api/tickets/{sameStreet.Id}/merge", new MergeRequest(elsewhere.Id, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var merged = await SimilarAsync("agent", Q($"{place}小区的水管爆了，水流了一地", "dc", "dc-dhm"));
        merged.Items.Select(i => i.Id).ShouldBe([sameDistrict.Id, elsewhere.Id]);
    }

    [Fact]
    public async Task SimilarToAnOrder_Should_LeaveItOut_And_ShowAUnitOnlyItsOwnOrders()
    {
        var place = Place();
        var water = await RegisterAndDispatchAsync(NewTicket(categoryCode: "sw-ts", content: $"{place}附近燃气和自来水都停了，做不了饭，什么时候恢复"));
        var gas = await RegisterAndDispatchAsync(NewTicket(categoryCode: "rq-tg", content: $"{place}附近燃气和自来水全停了，没法做饭，问什么时候恢复"));

        var forAgent = await SimilarAsync("agent", $"/api/tickets/{water.Id}/similar");
        forAgent.Items.Select(i => i.Id).ShouldBe([gas.Id]);

        // The water company sees the order it leads, and none of the gas company's among the similar ones.
        var forWater = await SimilarAsync("water", $"/api/tickets/{water.Id}/similar");
        forWater.Items.ShouldBeEmpty();
        using var waterClient = await ClientAsync("water");
        await (await waterClient.GetAsync($"/api/tickets/{gas.Id}/similar", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var forGas = await SimilarAsync("gas", $"/api/tickets/{gas.Id}/similar");
        forGas.Items.ShouldBeEmpty();

        // Units do not use the look-up while registering.
        (await waterClient.GetAsync(Q("停水了"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var agent = await ClientAsync("agent");
        await (await agent.GetAsync($"/api/tickets/{Guid.NewGuid()}/similar", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("", null, null, "content")]
    [InlineData("   ", null, null, "content")]
    [InlineData("停水", 0, null, "days")]
    [InlineData("停水", 366, null, "days")]
    [InlineData("停水", 30, "zz", "districtCode")]
    public async Task Similar_Should_Refuse_BadInput(string content, int? days, string? district, string field)
    {
        using var agent = await ClientAsync("agent");
        var problem = await (await agent.GetAsync(Q(content, district, days: days), Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldBe([field]);
    }

    [Fact]
    public async Task Similar_Should_Refuse_MissingOrTooLongContent_AndBadDays()
    {
        using var agent = await ClientAsync("agent");
        (await (await agent.GetAsync("/api/tickets/similar", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["content"]);
        (await (await agent.GetAsync(Q(new string('水', 4001)), Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["content"]);
        await (await agent.GetAsync(Q(new string('水', 4000)), Ct)).ReadAsync<SimilarTicketsResult>();
        await (await agent.GetAsync(Q("停水", street: "xc-ssh", district: "dc"), Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await agent.GetAsync($"/api/tickets/{Guid.NewGuid()}/similar?days=0", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.GetAsync("/api/tickets/similar-clusters?days=32", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await agent.GetAsync("/api/tickets/similar-clusters", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Clusters_Should_GroupSimilarOpenOrders_WithTheEarliestAsOriginal()
    {
        var place = Place();
        var first = await RegisterAsync(NewTicket(content: $"{place}路口的红绿灯坏了，一直闪黄灯，车和人都乱走"));
        var second = await RegisterAsync(NewTicket(districtCode: "xc", streetCode: "xc-jrj", content: $"{place}路口红绿灯坏了，一直是黄灯在闪"));
        var third = await RegisterAsync(NewTicket(content: $"{place}路口红绿灯不亮了，一直闪黄灯，很危险"));
        var closed = await RegisterAsync(NewTicket(content: $"{place}路口红绿灯坏了，一直闪黄灯"));
        using var agent = await ClientAsync("agent");
        await (await agent.PostAsJsonAsync($"/api/tickets/{closed.Id}/answer", new AnswerRequest("已转交警", null), Json.Options, Ct)).ReadAsync<TicketDto>();

        using var supervisor = await ClientAsync("supervisor");
        var result = await (await supervisor.GetAsync("/api/tickets/similar-clusters?days=7", Ct)).ReadAsync<SimilarClustersResult>();

        var cluster = result.Clusters.Single(c => c.Orders.Any(o => o.Id == first.Id));
        cluster.OriginalId.ShouldBe(first.Id);
        cluster.Orders.Select(o => o.Id).ShouldBe([first.Id, second.Id, third.Id]);
        cluster.Size.ShouldBe(3);
        cluster.DistrictCodes.ShouldBe(["dc", "xc"]);
        cluster.Orders[0].Score.ShouldBe(1.0);
        cluster.Orders.Skip(1).ShouldAllBe(o => o.Score >= result.MinScore);
        result.Days.ShouldBe(7);
        result.OpenOrders.ShouldBeGreaterThanOrEqualTo(3);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : SimilarTicketsTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : SimilarTicketsTests(fixture), IClassFixture<PostgresApiFixture>;
}
