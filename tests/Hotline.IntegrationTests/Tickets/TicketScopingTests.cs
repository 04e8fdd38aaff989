using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>Who sees which order, and how much of the citizen a unit sees.</summary>
public abstract class TicketScopingTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task GetTicket_Should_Answer404_When_AnotherUnitAsks()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var gas = await ClientAsync("gas");

        var response = await gas.GetAsync($"/api/tickets/{ticket.Id}", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accept_Should_Answer404_When_AnotherUnitTries()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var gas = await ClientAsync("gas");

        var response = await gas.PostAsync($"/api/tickets/{ticket.Id}/accept", null, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var agent = await ClientAsync("agent");
        (await (await agent.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>()).Status.ShouldBe(TicketStatus.Dispatched);
    }

    [Fact]
    public async Task ListTickets_Should_LeaveOutTheOrder_When_AnotherUnitLists()
    {
        var marker = $"scoping-{Guid.NewGuid():N}";
        await RegisterAndDispatchAsync(NewTicket(content: $"停水 {marker}"));
        using var gas = await ClientAsync("gas");
        using var water = await ClientAsync("water");

        var gasPage = await (await gas.GetAsync($"/api/tickets?q={marker}", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        var waterPage = await (await water.GetAsync($"/api/tickets?q={marker}", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();

        gasPage.Total.ShouldBe(0);
        gasPage.Items.ShouldBeEmpty();
        waterPage.Total.ShouldBe(1);
    }

    [Fact]
    public async Task ListTickets_Should_OnlyListOwnOrders_When_UnitListsEverything()
    {
        var units = await UnitIdsAsync();
        await RegisterAndDispatchAsync();
        using var gas = await ClientAsync("gas");

        var page = await (await gas.GetAsync("/api/tickets?pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();

        page.Items.ShouldNotContain(i => i.LeadUnitId == units["water"]);
    }

    [Fact]
    public async Task GetTicket_Should_MaskThePhone_When_LeadUnitReads()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var water = await ClientAsync("water");

        var seen = await (await water.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>();

        seen.Citizen.Phone.ShouldBe("138****5678");
        seen.Citizen.Name.ShouldBe("测试市民");
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("supervisor")]
    public async Task GetTicket_Should_ShowTheFullPhone_When_CentreStaffReads(string userName)
    {
        var ticket = await RegisterAndDispatchAsync();
        using var client = await ClientAsync(userName);

        var seen = await (await client.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>();

        seen.Citizen.Phone.ShouldBe(CitizenPhone);
        seen.Citizen.Name.ShouldBe("测试市民");
    }

    [Theory]
    [InlineData(TicketType.Report, false)]
    [InlineData(TicketType.Complaint, true)]
    public async Task GetTicket_Should_HideTheCitizen_When_OrderIsAReportOrConfidential(TicketType type, bool confidential)
    {
        var ticket = await RegisterAndDispatchAsync(NewTicket(type: type, confidential: confidential));
        using var water = await ClientAsync("water");

        var seen = await (await water.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>();

        seen.Citizen.Name.ShouldBeNull();
        seen.Citizen.Phone.ShouldBeNull();
    }

    [Fact]
    public async Task GetTicket_Should_ShowTheOrder_When_DistrictGovernmentIsCopiedOnAStreetOfficeOrder()
    {
        var units = await UnitIdsAsync();
        var ticket = await RegisterAndDispatchAsync(NewTicket("cs-wj", "dc", "dc-dhm", content: "违法建设 " + Guid.NewGuid()));
        using var district = await ClientAsync("dc-gov");

        var seen = await (await district.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>();

        ticket.LeadUnitId.ShouldBe(units["dc-dhm"]);
        ticket.CopiedUnitIds.ShouldContain(units["dc-gov"]);
        seen.Id.ShouldBe(ticket.Id);
        seen.Citizen.Phone.ShouldBe("138****5678");
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : TicketScopingTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : TicketScopingTests(fixture), IClassFixture<PostgresApiFixture>;
}
