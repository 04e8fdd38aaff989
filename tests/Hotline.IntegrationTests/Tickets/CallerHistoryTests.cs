using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>GET /api/tickets/caller-history: the caller's earlier orders for the agent on the call.</summary>
public abstract class CallerHistoryTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task CallerHistory_Should_ListEachOrderOnceWithContent_And_OfferTheLastNameAndPlace_When_TheCallerHasCalledBefore()
    {
        var phone = "136" + Random.Shared.Next(10_000_000, 99_999_999);
        var first = await RegisterAndDispatchAsync(NewTicket() with
        {
            Citizen = new CitizenDto("钱女士", phone, false),
            Location = new LocationDto("xc", "xc-jrj", "金融街3号", null, null),
            Content = "小区门口路灯坏了一个月。",
        });
        var second = await RegisterAsync(NewTicket("hj-zs", "cy", "cy-wj") with
        {
            Citizen = new CitizenDto(null, "+86 " + phone, false),
            Content = "楼下广场舞太吵。",
        });
        using var agent = await ClientAsync("agent");

        var history = await (await agent.GetAsync($"/api/tickets/caller-history?phone={phone}", Ct)).ReadAsync<CallerHistoryDto>();

        history.Orders.Select(o => o.Id).ShouldBe([second.Id, first.Id]);
        history.Orders[1].Excerpt.ShouldBe("小区门口路灯坏了一个月。");
        history.Orders.ShouldAllBe(o => o.PossibleDuplicate);
        history.LastName.ShouldBe("钱女士", "the newest order without a name does not hide the name given before");
        history.LastLocation.ShouldNotBeNull().StreetCode.ShouldBe("cy-wj");
        history.DuplicateWindowDays.ShouldBe(30);
    }

    [Fact]
    public async Task CallerHistory_Should_Answer400_When_ThePhoneIsNotANumber()
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.GetAsync("/api/tickets/caller-history?phone=abc", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("电话号码格式不正确");
    }

    [Fact]
    public async Task CallerHistory_Should_Answer403_When_AUnitAsks()
    {
        using var water = await ClientAsync("water");

        var response = await water.GetAsync($"/api/tickets/caller-history?phone={CitizenPhone}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : CallerHistoryTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : CallerHistoryTests(fixture), IClassFixture<PostgresApiFixture>;
}
